/**
 * Studies are data: a finding names the study whose results it shows (`study:`), an update the
 * study it amends (`amends:`), and each must be a study this data folder holds. A study absent
 * from data/ gets no findings page, so content naming it is refused with the file, the line and
 * what to do, by `npm run check` and by the build alike.
 */
import { STUDIES } from '../contracts/resultsSchemas.ts';
import { contentProblem, type ContentProblem, type SplitMdx } from './frontmatter.ts';

/** The studies present in a data set or in dataset.json (each is null when its folder is absent). */
export function studiesPresent(data: { trial: unknown; pilot: unknown }): string[] {
  return STUDIES.filter((s) => data[s] !== null && data[s] !== undefined);
}

/** The studies whose folders have any file, from paths relative to the data folder ("trial/schools.csv"). */
export function studiesInFiles(paths: Iterable<string>): string[] {
  const list = [...paths];
  return STUDIES.filter((s) => list.some((p) => p.startsWith(`${s}/`)));
}

/** The frontmatter field that names a study in each collection. */
const STUDY_FIELD = { findings: 'study', updates: 'amends' } as const;

/**
 * A finding's `study` or an update's `amends` that names no study of `studies` (the studies in
 * the data), at the field's line and column. Other collections name no study.
 */
export function studyFieldProblems(
  file: string,
  collection: string,
  mdx: SplitMdx,
  studies: readonly string[],
): ContentProblem[] {
  if (collection !== 'findings' && collection !== 'updates') return [];
  const field = STUDY_FIELD[collection];
  const value = mdx.data[field];
  if (typeof value !== 'string' || studies.includes(value)) return [];
  const absent = (STUDIES as readonly string[]).includes(value);
  const hint = absent
    ? `This data folder has no ${value}/, so there are no ${value} results to show: add the data (see data/README.md), or remove this ${collection === 'findings' ? 'finding' : 'field'}.`
    : collection === 'findings'
      ? 'Name the study whose results the page shows, or leave the field out for a page that shows no results of its own.'
      : 'Name the study whose findings the update amends.';
  return [
    contentProblem(
      file,
      mdx.keyLines.get(field) ?? 1,
      mdx.valueColumns.get(field) ?? 1,
      `frontmatter field "${field}"`,
      studies.length > 0
        ? `a study with data in the data folder (${studies.join(', ')})`
        : 'a study with data in the data folder (it holds none)',
      JSON.stringify(value),
      hint,
    ),
  ];
}

/** An update's `relatedFindings` naming no finding of `findings` (file names under content/findings/). */
export function relatedFindingProblems(
  file: string,
  mdx: SplitMdx,
  findings: readonly string[],
): ContentProblem[] {
  const related = mdx.data['relatedFindings'];
  if (!Array.isArray(related)) return [];
  return related
    .filter((f): f is string => typeof f === 'string' && !findings.includes(f))
    .map((f) =>
      contentProblem(
        file,
        mdx.keyLines.get('relatedFindings') ?? 1,
        mdx.valueColumns.get('relatedFindings') ?? 1,
        'frontmatter field "relatedFindings"',
        `the file names of findings in content/findings/ (${findings.join(', ') || 'none'})`,
        JSON.stringify(f),
        'Check the spelling, or remove the name.',
      ),
    );
}
