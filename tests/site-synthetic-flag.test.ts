import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HANG_GUARD_MS, root, runScript } from './helpers/runScript.ts';

// The demonstration-data notice follows the data's `synthetic` flag, not the page: the same site
// built from results marked as real evaluation data, with no release yet archived (findings pages
// are pinned to a release, which carries its own flag), shows no notice anywhere.
const scratch = mkdtempSync(join(tmpdir(), 'swis-site-real-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dist = join(scratch, 'dist');
let run: ReturnType<typeof runScript>;
beforeAll(() => {
  const results = join(scratch, 'out');
  cpSync(join(root, 'out'), results, { recursive: true });
  const dataset = JSON.parse(readFileSync(join(results, 'dataset.json'), 'utf8'));
  writeFileSync(join(results, 'dataset.json'), JSON.stringify({ ...dataset, synthetic: false }));
  const releases = join(scratch, 'releases');
  mkdirSync(releases);
  run = runScript('build.ts', ['--outDir', dist], { env: { RESULTS_DIR: results, RELEASES_DIR: releases } });
}, HANG_GUARD_MS);

test('results marked as not synthetic build a site with no demonstration-data notice', () => {
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const html = (p: string) => readFileSync(join(dist, p, 'index.html'), 'utf8');
  for (const p of ['', 'findings/trial', 'for-schools', 'authorities/lambeth'])
    expect(html(p), p).not.toContain('Demonstration data.');
  expect(html('findings/trial')).toContain('Small differences can come from data corrections');
  // The archived releases carry their own synthetic flag, which "What changed" reports; the rest of
  // the page follows the current results.
  const withoutReleases = html('findings/trial').replace(
    /<section class="what-changed"[\s\S]*?<\/section>/,
    '',
  );
  expect(withoutReleases).not.toContain('synthetic demonstration data');
  expect(html('for-schools')).not.toContain('synthetic demonstration data');
  // …and the repository's own build, from synthetic data, does show it.
  expect(readFileSync(join(root, 'dist/findings/trial/index.html'), 'utf8')).toContain('Demonstration data.');
});
