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

/**
 * A study a finding shows, or an update amends: a folder of data/ (`trial`, `pilot`). Which
 * studies exist is a fact of the data, checked against it by `npm run check` and the build
 * (src/lib/content/studyChecks.ts), not a list here.
 */
const studyName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a study named as its data folder, such as trial');

/**
 * Drafts and embargoes (src/lib/content/visibility.ts): a draft is left out of the built site,
 * search, sitemap and RSS unless the build asks for drafts; an embargoed entry until the build's
 * publication date reaches its `embargo` day.
 */
const publicationFields = {
  draft: z.boolean().default(false),
  embargo: frontmatterDateSchema.optional(),
};

/** content/findings/*.mdx */
export const findingSchema = z.object({
  ...publicationFields,
  title: z.string().min(1),
  summary: z.string().min(1),
  /**
   * The study whose results the page shows (its versions, corrections and "What changed" follow
   * that study's releases). Left out for a page that shows no results of its own, such as one
   * about a related programme.
   */
  study: studyName.optional(),
  updated: frontmatterDateSchema,
  order: z.number().int().default(0),
});

/** content/updates/*.mdx */
export const updateSchema = z.object({
  ...publicationFields,
  title: z.string().min(1),
  date: frontmatterDateSchema,
  summary: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  /** Findings pages the update is about, by file name (content/findings/<name>.mdx). */
  relatedFindings: z.array(z.string().min(1)).default([]),
  relatedAuthorities: z
    .array(z.string().regex(/^E\d{8}$/, 'an ONS local authority code such as E09000022'))
    .default([]),
  /** The study whose findings the update amends (each findings page of that study says so). */
  amends: studyName.optional(),
  /**
   * The release whose figures the update shows, `YYYY-MM`; without it, the release current on
   * the update's date (src/site/pins.ts).
   */
  release: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a release version written YYYY-MM, such as 2023-03')
    .optional(),
});

/**
 * content/pages/*.mdx: mainly-prose pages (e.g. the accessibility statement), each at /<file name>/;
 * `index.mdx`, when there is one, is the home page.
 */
export const pageSchema = z.object({
  ...publicationFields,
  title: z.string().min(1),
  /** One sentence for search results and link previews. */
  summary: z.string().min(1),
  /** When the text last changed, shown at the foot of the page; left out, the page shows no date. */
  updated: frontmatterDateSchema.optional(),
  /** A shorter label for the breadcrumb, when the title is long. */
  crumb: z.string().min(1).optional(),
});

/** Each collection's folder under content/ and its schema. */
export const CONTENT_SCHEMAS = { findings: findingSchema, updates: updateSchema, pages: pageSchema } as const;
