import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildEnv, root, runScript } from './helpers/runScript.ts';

// data/context/ is optional in the contract: a site built without it leaves out what depends on it
// (official authority figures, their charts, downloads and licence lines) and says nothing about
// them. One results run and one build, into a scratch folder; the repository's out/ and dist/ are
// untouched.
const scratch = mkdtempSync(join(tmpdir(), 'swis-optional-'));
const data = join(scratch, 'data');
const results = join(scratch, 'out');
const dist = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let build: ReturnType<typeof runScript>;
beforeAll(() => {
  cpSync(join(root, 'data'), data, { recursive: true });
  rmSync(join(data, 'context'), { recursive: true });
  const run = runScript('results.ts', ['--data', data, '--out', results]);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  build = runScript('build.ts', ['--outDir', dist], {
    env: { ...buildEnv(), RESULTS_DIR: results, DATA_DIR: data },
  });
}, 600_000);

const pages = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

test('a data folder without context/ builds, with no stack trace', () => {
  expect(build.status, build.stdout + build.stderr).toBe(0);
  expect(existsSync(join(results, 'context.json'))).toBe(false);
});

test('no page shows official authority figures or credits their sources when there are none', () => {
  for (const file of pages(dist)) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toMatch(
      /Official figures|per 10,000 children|Characteristics of children in need/,
    );
    expect(text, file).not.toContain('Authority statistics are derived');
  }
  expect(existsSync(join(dist, 'data', 'context.json'))).toBe(false);
  expect(html('data')).not.toContain('/data/context.json');
});

test('authority pages and the charts page keep what the evaluation data can show', () => {
  expect(html('authorities/lambeth')).toContain('Local estimates');
  const charts = html('charts');
  expect(charts).toContain('id="forest"');
  expect(charts).toContain('id="programme-map"');
  expect(charts).not.toContain('id="multiples"');
});
