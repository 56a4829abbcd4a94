/**
 * What the site build refuses in one content file before Astro's schema sees it (the content
 * loader in src/content.config.ts): its frontmatter as written, checked against the collection's
 * schema, and a `study` or `amends` naming a study the results do not hold. The same
 * FILE:LINE:COLUMN sentences `npm run check` gives. A file whose frontmatter cannot be split off
 * is left to Astro, which reports it.
 */
import type { z } from 'zod';
import { checkFrontmatter, splitMdx, type ContentProblem } from './frontmatter.ts';
import { studyFieldProblems } from './studyChecks.ts';

/**
 * @param file the file's path as messages name it
 * @param studies the studies the results hold, or null when there are no results to say (the
 *   build then stops anyway, saying so)
 */
export function entryProblems(
  file: string,
  text: string,
  collection: string,
  schema: z.ZodType,
  studies: readonly string[] | null,
): ContentProblem[] {
  const split = splitMdx(file, text);
  if (!split.ok) return [];
  return [
    ...checkFrontmatter(file, split.mdx, schema, { unknownFields: false }),
    ...(studies ? studyFieldProblems(file, collection, split.mdx, studies) : []),
  ];
}
