/**
 * The text of a new update, as `npm run new:update` writes it: frontmatter valid against the
 * updates schema, with the summary and body marked for the researcher to replace (`npm run
 * check` reports the marker until they do). Pure: the script supplies the date.
 */
import { slug } from '../format/slug.ts';
import { SCAFFOLD_MARKER } from './checkContent.ts';

/** The file name of an update: `YYYY-MM-slug-of-the-title.mdx`, as the existing updates are named. */
export function updateFileName(title: string, date: string): string {
  return `${date.slice(0, 7)}-${slug(title)}.mdx`;
}

/** The MDX text of a new update. JSON strings are valid YAML scalars, so any title is safe. */
export function scaffoldUpdate(title: string, date: string, author: string): string {
  if (title.trim() === '') throw new RangeError('scaffoldUpdate: the title is empty');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date))
    throw new RangeError(`scaffoldUpdate: date must be YYYY-MM-DD, found "${date}"`);
  return [
    '---',
    `title: ${JSON.stringify(title.trim())}`,
    `date: ${date}`,
    `summary: ${JSON.stringify(`${SCAFFOLD_MARKER} one sentence saying what changed, for the list of updates and the RSS feed.`)}`,
    `authors: [${JSON.stringify(author)}]`,
    '# Which findings pages this update is about, by file name in content/findings/ (without .mdx).',
    'relatedFindings: []',
    '# ONS codes of the local authorities it concerns, e.g. [E09000022].',
    'relatedAuthorities: []',
    '---',
    '',
    `${SCAFFOLD_MARKER} write the update here in plain English. Numbers from the results come through`,
    'components, e.g. `<Estimate study="trial" outcome="s47" analysis="adjusted" />`, never typed by hand.',
    '',
  ].join('\n');
}
