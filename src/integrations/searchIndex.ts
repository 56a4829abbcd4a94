/**
 * Writes the site's search index after every `astro build` (npm run build, the bench's build and
 * the tests' scratch builds alike): every page whose <main> is marked searchable is read back
 * from the output folder and indexed with MiniSearch into `search-index.json`, which /search/
 * fetches. Indexing the built HTML, not the sources, means the index holds what readers see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex } from '../lib/search/buildSearchIndex.ts';
import { searchDocument } from '../lib/search/searchDocument.ts';
import { SEARCH_INDEX_FILE, type SearchDocument } from '../lib/search/searchOptions.ts';
import { writeWhole } from '../../scripts/lib/writeWhole.ts';

/** The address a built HTML file is served at: `findings/trial/index.html` → `/findings/trial/`. */
export function pageUrl(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Indexes the HTML files under `dir` and writes `dir/search-index.json` whole (scripts/lib/writeWhole.ts). */
export function writeSearchIndex(dir: string): { pages: number; bytes: number; gzipBytes: number } {
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .sort();
  const documents: SearchDocument[] = [];
  for (const file of files) {
    const doc = searchDocument(readFileSync(join(dir, file), 'utf8'), pageUrl(file));
    if (doc) documents.push(doc);
  }
  const json = buildSearchIndex(documents);
  writeWhole(join(dir, SEARCH_INDEX_FILE), json);
  return { pages: documents.length, bytes: Buffer.byteLength(json), gzipBytes: gzipSync(json).length };
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'swis-search-index',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const { pages, bytes, gzipBytes } = writeSearchIndex(out);
        logger.info(
          `${relative(process.cwd(), join(out, SEARCH_INDEX_FILE))}: ${pages} pages, ${(bytes / 1024).toFixed(0)} KB (${(gzipBytes / 1024).toFixed(0)} KB gzipped) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
