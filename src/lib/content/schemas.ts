/**
 * Frontmatter schemas for the content collections. They live here, outside content.config.ts,
 * so that `npm run check` and `npm run new:update` validate frontmatter with the very schemas
 * the build uses, without starting Astro.
 */
import { z } from 'zod';

/** The findings pages a finding or an update can name. */
export const FINDING_STUDIES = ['trial', 'pilot', 'dsl-supervision'] as const;

/** content/findings/*.mdx */
export const findingSchema = z.object({
  title: z.string().min(1),
  summary: z.string().min(1),
  study: z.enum(FINDING_STUDIES),
  updated: z.coerce.date(),
  order: z.number().int().default(0),
});

/** content/updates/*.mdx */
export const updateSchema = z.object({
  title: z.string().min(1),
  date: z.coerce.date(),
  summary: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  relatedFindings: z.array(z.enum(FINDING_STUDIES)).default([]),
  relatedAuthorities: z
    .array(z.string().regex(/^E\d{8}$/, 'an ONS local authority code such as E09000022'))
    .default([]),
  amends: z.enum(FINDING_STUDIES).optional(),
});

/** content/pages/*.mdx: mainly-prose pages (e.g. the accessibility statement), each at /<file name>/. */
export const pageSchema = z.object({
  title: z.string().min(1),
  /** One sentence for search results and link previews. */
  summary: z.string().min(1),
  updated: z.coerce.date(),
  /** A shorter label for the breadcrumb, when the title is long. */
  crumb: z.string().min(1).optional(),
});

/** Each collection's folder under content/ and its schema. */
export const CONTENT_SCHEMAS = { findings: findingSchema, updates: updateSchema, pages: pageSchema } as const;
