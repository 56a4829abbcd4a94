/**
 * Which study each findings page shows, checked against the data: a finding or an update naming
 * a study this build has no results for stops the build with the file, the line and what to do
 * (the same sentence as `npm run check`), and links to "the trial's findings" go to whichever
 * findings pages name that study, or nowhere when none does.
 */
import { readFileSync } from 'node:fs';
import type { CollectionEntry } from 'astro:content';
import { splitMdx } from '../lib/content/frontmatter.ts';
import { studiesPresent, studyFieldProblems } from '../lib/content/studyChecks.ts';
import { publishedEntries } from './publishedContent.ts';
import { siteData } from './siteData.ts';
import { sitePath } from './sitePath.ts';

/** The studies this build has results for, from dataset.json. */
export function dataStudies(): string[] {
  return studiesPresent(siteData().dataset);
}

/**
 * The published findings, in their `order`, once every finding's `study` and every update's
 * `amends` have been checked against the data (`npm run check` also checks `relatedFindings`,
 * which the build links only where that finding is published). Read afresh
 * each time (a handful of small files), so the dev server sees content as it is edited.
 */
export async function checkedFindings(): Promise<CollectionEntry<'findings'>[]> {
  const findings = await publishedEntries('findings');
  const updates = await publishedEntries('updates');
  const studies = dataStudies();
  const problems = [...findings, ...updates].flatMap((entry) => {
    if (entry.filePath === undefined) return [];
    const split = splitMdx(entry.filePath, readFileSync(entry.filePath, 'utf8'));
    if (!split.ok) return [];
    return studyFieldProblems(entry.filePath, entry.collection, split.mdx, studies);
  });
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('\n'));
  return findings.sort((a, b) => a.data.order - b.data.order);
}

/** The address (under the site's base) of the first findings page (in `order`) that shows `study`, or null when none does. */
export async function studyFindingHref(study: string): Promise<string | null> {
  const first = (await checkedFindings()).find((f) => f.data.study === study);
  return first ? sitePath(`/findings/${first.id}/`) : null;
}
