import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { draftContent } from './helpers/draftContent.ts';
import { HANG_GUARD_MS, runScript } from './helpers/runScript.ts';

// Drafts and embargoes end to end: a draft update, a draft page and an embargoed update are absent
// from every output of a published build (pages, lists, RSS, sitemap, search index); the same for a
// draft release. One build of a scratch copy of the repository's content with three entries and a
// release marked (tests/helpers/draftContent.ts), into a scratch folder; the repository's dist/ is
// untouched. The build asked for drafts of the same content, which shows each with its label, is
// the one tests/site-base-path.test.ts makes (it checks the labels there).
const scratch = mkdtempSync(join(tmpdir(), 'swis-drafts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// What each marked entry leaves in a built site when it is published: its address and its title.
const traces = [
  'updates/2024-follow-up',
  'Follow-up confirms the result',
  'updates/2021-09-trial-extended',
  'The trial is extended into 2021/22',
  '/accessibility/',
];

const published = join(scratch, 'published');
beforeAll(() => {
  const { content, releases } = draftContent(scratch);
  const run = runScript('build.ts', ['--outDir', published], {
    env: { CONTENT_DIR: content, RELEASES_DIR: releases },
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
}, HANG_GUARD_MS);

const everyFile = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(html|xml|json|txt)$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));

test('a published build has no trace of a draft or an embargoed entry in any page, feed, sitemap or search index', () => {
  const files = everyFile(published);
  expect(files.some((f) => f.endsWith('rss.xml'))).toBe(true);
  expect(files.some((f) => f.endsWith('search-index.json'))).toBe(true);
  expect(files.some((f) => f.includes('sitemap'))).toBe(true);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const trace of traces) expect(text, `${file} mentions ${trace}`).not.toContain(trace);
  }
});

test('a draft release is left out of the releases page, its files, the findings versions and RSS', () => {
  expect(existsSync(join(published, 'releases', '2024-10'))).toBe(false);
  expect(existsSync(join(published, 'findings', 'trial', '2024-10'))).toBe(false);
  expect(existsSync(join(published, 'releases', '2023-03'))).toBe(true);
  const releasesPage = readFileSync(join(published, 'releases', 'index.html'), 'utf8');
  expect(releasesPage).toContain('Release 2023-03');
  expect(releasesPage).not.toContain('Release 2024-10');
  for (const file of everyFile(published))
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/release 2024-10|\/2024-10\//i);
});
