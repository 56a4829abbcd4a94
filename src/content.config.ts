/**
 * Content collections: researchers write MDX in content/; a bad frontmatter field fails the
 * build naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import type { z } from 'zod';
import { frontmatterDateProblems, splitMdx } from './lib/content/frontmatter.ts';
import { findingSchema, pageSchema, updateSchema } from './lib/content/schemas.ts';

// CONTENT_DIR lets tests build the site from a scratch folder of MDX; researchers use content/.
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

/**
 * Astro's glob loader, with each file's dates checked as written before the schema sees them:
 * Astro's YAML reads an unquoted 2023-02-30 as 2 March, and its errors give no column. The
 * build then refuses a date with the same FILE:LINE:COLUMN sentence as `npm run check`.
 */
function mdxFiles(base: string, pattern: string, schema: z.ZodType): Loader {
  const inner = glob({ pattern, base });
  return {
    ...inner,
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (entry) => {
          if (entry.filePath !== undefined) {
            const file = relative(process.cwd(), entry.filePath);
            const split = splitMdx(file, readFileSync(entry.filePath, 'utf8'));
            const problems = split.ok ? frontmatterDateProblems(file, split.mdx, schema) : [];
            const [first] = problems;
            if (first !== undefined)
              // `loc` is where Astro's error report points (otherwise at this file).
              throw Object.assign(new Error(problems.map((p) => p.message).join('\n')), {
                loc: { file: entry.filePath, line: first.line, column: first.column },
              });
          }
          return context.parseData(entry);
        },
      }),
  };
}

const findings = defineCollection({
  loader: mdxFiles(`${CONTENT_DIR}/findings`, '**/*.mdx', findingSchema),
  schema: findingSchema,
});

const updates = defineCollection({
  loader: mdxFiles(`${CONTENT_DIR}/updates`, '**/*.mdx', updateSchema),
  schema: updateSchema,
});

// Mainly-prose pages (e.g. the accessibility statement), each at /<file name>/.
const pages = defineCollection({
  loader: mdxFiles(`${CONTENT_DIR}/pages`, '*.mdx', pageSchema),
  schema: pageSchema,
});

export const collections = { findings, updates, pages };
