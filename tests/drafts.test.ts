import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { root, runScript } from './helpers/runScript.ts';

// Drafts and embargoes end to end: a draft update, a draft page and an embargoed update are absent
// from every output of a published build (pages, lists, RSS, sitemap, search index), and a build
// asked for drafts shows each with its label; the same for a draft release. Two builds of a scratch copy of the repository's
// content with three entries marked, into a scratch folder; the repository's dist/ is untouched.
// The entries are existing ones (not new files): Astro's content store outlives a build, and an
// entry whose file was in a deleted scratch folder would break the next test's build.
const scratch = mkdtempSync(join(tmpdir(), 'swis-drafts-'));
const content = join(scratch, 'content');
const releases = join(scratch, 'releases');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Adds frontmatter lines to an MDX file of the scratch content. */
const mark = (file: string, lines: string) => {
  const path = join(content, file);
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('---\n')).toBe(true);
  writeFileSync(path, `---\n${lines}\n${text.slice(4)}`);
};

// What each marked entry leaves in a built site when it is published: its address and its title.
const traces = [
  'updates/2024-follow-up',
  'Follow-up confirms the result',
  'updates/2021-09-trial-extended',
  'The trial is extended into 2021/22',
  '/accessibility/',
];

const build = (dist: string, env: Record<string, string>) => {
  const run = runScript('build.ts', ['--outDir', dist], {
    env: { CONTENT_DIR: content, ...env },
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
};

const published = join(scratch, 'published');
const preview = join(scratch, 'preview');
beforeAll(() => {
  cpSync(join(root, 'content'), content, { recursive: true });
  mark('updates/2024-follow-up.mdx', 'draft: true');
  mark('updates/2021-09-trial-extended.mdx', 'embargo: 2027-01-15');
  mark('pages/accessibility.mdx', 'draft: true');
  // Release 2024-10 as a draft (release.json is not among the files its hashes cover).
  cpSync(join(root, 'data', 'releases'), releases, { recursive: true });
  const record = join(releases, '2024-10', 'release.json');
  writeFileSync(
    record,
    JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), draft: true }, null, 2),
  );
  build(published, { RELEASES_DIR: releases });
  build(preview, { RELEASES_DIR: releases, SHOW_DRAFTS: '1' });
}, 900_000);

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

test('a build asked for drafts shows each one, labelled as not published', () => {
  const html = (path: string) => readFileSync(join(preview, path, 'index.html'), 'utf8');
  expect(html('updates/2024-follow-up')).toContain('Draft, not published.');
  expect(html('accessibility')).toContain('Draft, not published.');
  expect(html('updates/2021-09-trial-extended')).toContain('Embargoed until 15 January 2027.');
  expect(html('updates')).toContain('Follow-up confirms the result');
  // Published entries carry no label.
  expect(html('updates/2023-03-results')).not.toContain('Draft, not published.');
  expect(html('updates/2023-03-results')).not.toContain('Embargoed until');
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

test('a build asked for drafts shows a draft release, labelled', () => {
  expect(existsSync(join(preview, 'releases', '2024-10', 'estimates.json'))).toBe(true);
  const releasesPage = readFileSync(join(preview, 'releases', 'index.html'), 'utf8');
  expect(releasesPage).toContain('Draft release, not published.');
  expect(readFileSync(join(preview, 'findings', 'trial', 'index.html'), 'utf8')).toContain(
    '(draft release, not published)',
  );
});
