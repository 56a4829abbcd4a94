import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

// Builds the real site from a scratch content folder (CONTENT_DIR) into a scratch dist, so the
// repository's content/ and dist/ are untouched.
const root = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'swis-site-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Astro colours its log; compare the plain text.
const stripAnsi = (text: string) =>
  text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

function buildWith(name: string, findingMdx: string) {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'content/findings'), { recursive: true });
  mkdirSync(join(dir, 'content/updates'), { recursive: true });
  writeFileSync(join(dir, 'content/findings/bad.mdx'), findingMdx);
  const run = spawnSync('npx', ['astro', 'build', '--outDir', join(dir, 'dist')], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
    encoding: 'utf8',
  });
  return { status: run.status, output: stripAnsi(run.stdout + run.stderr) };
}

test('an unknown <Estimate> key in MDX fails the build naming the component, the key and the page', () => {
  const r = buildWith(
    'estimate',
    '---\ntitle: Bad\nsummary: A mistyped key.\nstudy: trial\nupdated: 2025-01-01\n---\n\nResult: <Estimate study="trial" outcome="s74" analysis="adjusted" />\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toContain(
    '<Estimate study="trial" outcome="s74" analysis="adjusted" scope="overall" />: no such estimate',
  );
  expect(r.output).toContain('/findings/bad/');
});

test('a bad frontmatter field fails the build naming the file and the field', () => {
  const r = buildWith('frontmatter', '---\ntitle: Bad\nstudy: trail\nupdated: 2025-01-01\n---\n\nText.\n');
  expect(r.status).not.toBe(0);
  expect(r.output).toContain('bad.mdx');
  expect(r.output).toMatch(/summary/);
  expect(r.output).toMatch(/study/);
});
