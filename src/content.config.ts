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
import { entryProblems } from './lib/content/entryProblems.ts';
import { studiesPresent } from './lib/content/studyChecks.ts';
import { hasResults, readResults } from './site/readResults.ts';
import { findingSchema, pageSchema, updateSchema } from './lib/content/schemas.ts';

// CONTENT_DIR lets tests build the site from a scratch folder of MDX; researchers use content/.
const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';

/**
 * Astro's glob loader, with each file's frontmatter checked as written before the schema sees it:
 * Astro's YAML reads an unquoted 2023-02-30 as 2 March, and its errors give no column and stop at
 * the first kind of problem. The build then refuses a file with every problem `npm run check`
 * finds in it, in the same FILE:LINE:COLUMN sentences: the schema's, and a `study` or `amends`
 * naming a study the results do not hold (an unknown field the build ignores, as before).
 */
function mdxFiles(base: string, pattern: string, schema: z.ZodType, collection: string): Loader {
  const inner = glob({ pattern, base });
  return {
    ...inner,
    load: (context) => {
      // Once per load, not per file. Without results the build stops anyway, saying so; the
      // studies are then not known.
      const studies = hasResults('dataset.json') ? studiesPresent(readResults('dataset.json')) : null;
      return inner.load({
        ...context,
        parseData: async (entry) => {
          if (entry.filePath !== undefined) {
            const file = relative(process.cwd(), entry.filePath);
            const text = readFileSync(entry.filePath, 'utf8');
            const problems = entryProblems(file, text, collection, schema, studies);
            const [first] = problems;
            if (first !== undefined)
              // `loc` is where Astro's error report points (otherwise at this file).
              throw Object.assign(new Error(problems.map((p) => p.message).join('\n')), {
                loc: { file: entry.filePath, line: first.line, column: first.column },
              });
          }
          return context.parseData(entry);
        },
      });
    },
  };
}

const findings = defineCollection({
  loader: mdxFiles(`${CONTENT_DIR}/findings`, '**/*.mdx', findingSchema, 'findings'),
  schema: findingSchema,
});

const updates = defineCollection({
  loader: mdxFiles(`${CONTENT_DIR}/updates`, '**/*.mdx', updateSchema, 'updates'),
  schema: updateSchema,
});

// Mainly-prose pages (e.g. the accessibility statement), each at /<file name>/.
const pages = defineCollection({
  loader: mdxFiles(`${CONTENT_DIR}/pages`, '*.mdx', pageSchema, 'pages'),
  schema: pageSchema,
});

export const collections = { findings, updates, pages };
