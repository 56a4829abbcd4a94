/**
 * How the site's search indexes pages and matches queries, shared by the build
 * (src/integrations/searchIndex.ts writes the index) and the browser (src/scripts/search.ts loads
 * it): MiniSearch can only load a serialised index with the options it was built with.
 */
import type { Options, SearchOptions } from 'minisearch';

/** One searchable page: its address, its title (the page's h1) and its indexed text. */
export interface SearchDocument {
  url: string;
  title: string;
  text: string;
}

/** The file the build writes at the root of dist/, and the page's script fetches. */
export const SEARCH_INDEX_FILE = 'search-index.json';

/**
 * Folds case and accents, so "Southend" finds "southend" and "café" finds "cafe". Terms of a
 * single character (the "s" of "authority's") are dropped: they match everything and say nothing.
 */
export function normaliseTerm(term: string): string | null {
  const t = term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return t.length > 1 ? t : null;
}

/**
 * Index options. Every field's text is searched and the title, address and text are stored with
 * each result: the text is the source of the excerpt shown under a result.
 */
export const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: 'url',
  fields: ['title', 'text'],
  storeFields: ['title', 'text'],
  processTerm: normaliseTerm,
};

/**
 * Query options: every word must match (a result count then means something); the last word
 * also as a prefix, so results come as the reader types it (only the last: "in" of "child in need"
 * would otherwise match "interval", "into" and every other in-word); one typo allowed in words of
 * five letters or more (two from ten); a match in the title counts three times one in the text.
 */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (_term, i, terms) => i === terms.length - 1,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  boost: { title: 3 },
};
