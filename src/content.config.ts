/**
 * Content collections: researchers write MDX in content/; a bad frontmatter field fails the
 * build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// CONTENT_DIR lets tests build the site from a scratch folder of MDX; researchers use content/.
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

const findings = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${CONTENT_DIR}/findings` }),
  schema: z.object({
    title: z.string().min(1),
    summary: z.string().min(1),
    study: z.enum(['trial', 'pilot', 'dsl-supervision']),
    updated: z.coerce.date(),
    order: z.number().int().default(0),
  }),
});

const updates = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${CONTENT_DIR}/updates` }),
  schema: z.object({
    title: z.string().min(1),
    date: z.coerce.date(),
    summary: z.string().min(1),
    authors: z.array(z.string().min(1)).min(1),
    relatedFindings: z.array(z.enum(['trial', 'pilot', 'dsl-supervision'])).default([]),
    relatedAuthorities: z
      .array(z.string().regex(/^E\d{8}$/, 'an ONS local authority code such as E09000022'))
      .default([]),
    amends: z.enum(['trial', 'pilot', 'dsl-supervision']).optional(),
  }),
});

// Mainly-prose pages (e.g. the accessibility statement), each at /<file name>/.
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${CONTENT_DIR}/pages` }),
  schema: z.object({
    title: z.string().min(1),
    /** One sentence for search results and link previews. */
    summary: z.string().min(1),
    updated: z.coerce.date(),
    /** A shorter label for the breadcrumb, when the title is long. */
    crumb: z.string().min(1).optional(),
  }),
});

export const collections = { findings, updates, pages };
