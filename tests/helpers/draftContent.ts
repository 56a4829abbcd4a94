import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { root } from './runScript.ts';

/**
 * A scratch copy of the repository's content/ and data/releases/ under `scratch` with entries kept
 * from publication: a draft update, an embargoed update, a draft page, and release 2024-10 as a
 * draft. Two builds of it are checked: the published build (tests/drafts.test.ts), which must show
 * none of them, and a build asked for drafts (SHOW_DRAFTS=1), which must show each, labelled; that
 * one is also the site tests/site-base-path.test.ts publishes under a path, so the one build serves
 * both files. The entries are existing ones (not new files): Astro's content store outlives a
 * build, and an entry whose file was in a deleted scratch folder would break the next build.
 */
export function draftContent(scratch: string): { content: string; releases: string } {
  const content = join(scratch, 'content');
  const releases = join(scratch, 'releases');
  cpSync(join(root, 'content'), content, { recursive: true });
  /** Adds frontmatter lines to an MDX file of the scratch content. */
  const mark = (file: string, lines: string) => {
    const path = join(content, file);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    writeFileSync(path, `---\n${lines}\n${text.slice(4)}`);
  };
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
  return { content, releases };
}
