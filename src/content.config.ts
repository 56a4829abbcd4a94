/**
 * Content collections: researchers write MDX in content/; a bad frontmatter field fails the
 * build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { findingSchema, pageSchema, updateSchema } from './lib/content/schemas.ts';

// CONTENT_DIR lets tests build the site from a scratch folder of MDX; researchers use content/.
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

const findings = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${CONTENT_DIR}/findings` }),
  schema: findingSchema,
});

const updates = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${CONTENT_DIR}/updates` }),
  schema: updateSchema,
});

// Mainly-prose pages (e.g. the accessibility statement), each at /<file name>/.
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${CONTENT_DIR}/pages` }),
  schema: pageSchema,
});

export const collections = { findings, updates, pages };
