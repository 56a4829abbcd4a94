/**
 * Frontmatter schemas for the content collections. They live here, outside content.config.ts,
 * so that `npm run check` and `npm run new:update` validate frontmatter with the very schemas
 * the build uses, without starting Astro.
 */
import { z } from 'zod';
import { dateRefusalSentence, readIsoDate } from '../format/isoDate.ts';

/**
 * A frontmatter date: `YYYY-MM-DD` only, quoted (text) or not (YAML makes it a Date at midnight
 * UTC), given to pages as that Date. Anything else, such as `01/12/2026`, which z.coerce.date
 * would read the American way, is refused with the ISO form of what was probably meant.
 */
export const frontmatterDateSchema = z.union([z.string(), z.date()]).transform((value, ctx) => {
  const read = readIsoDate(value);
  if (read.ok) return new Date(`${read.iso}T00:00:00Z`);
  ctx.addIssue({ code: 'custom', message: dateRefusalSentence(read.refusal) });
  return z.NEVER;
});

/** The findings pages a finding or an update can name. */
export const FINDING_STUDIES = ['trial', 'pilot', 'dsl-supervision'] as const;

/** content/findings/*.mdx */
export const findingSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  study: z.enum(FINDING_STUDIES),
  updated: frontmatterDateSchema,
  order: z.number().int().default(0),
});

/** content/updates/*.mdx */
export const updateSchema = z.object({
  title: z.string().min(1),
  date: frontmatterDateSchema,
  summary: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  relatedFindings: z.array(z.enum(FINDING_STUDIES)).default([]),
  relatedAuthorities: z
    .array(z.string().regex(/^E\d{8}$/, 'an ONS local authority code such as E09000022'))
    .default([]),
  amends: z.enum(FINDING_STUDIES).optional(),
  /**
   * The release whose figures the update shows, `YYYY-MM`; without it, the release current on
   * the update's date (src/site/pins.ts).
   */
  release: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a release version written YYYY-MM, such as 2023-03')
    .optional(),
});

/** content/pages/*.mdx: mainly-prose pages (e.g. the accessibility statement), each at /<file name>/. */
export const pageSchema = z.object({
  title: z.string().min(1),
  /** One sentence for search results and link previews. */
  summary: z.string().min(1),
  updated: frontmatterDateSchema,
  /** A shorter label for the breadcrumb, when the title is long. */
  crumb: z.string().min(1).optional(),
});

/** Each collection's folder under content/ and its schema. */
export const CONTENT_SCHEMAS = { findings: findingSchema, updates: updateSchema, pages: pageSchema } as const;
