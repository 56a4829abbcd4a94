/**
 * The site's search index: a serialised MiniSearch index of every searchable page, with each
 * page's title and text stored for the results list.
 */
import MiniSearch from 'minisearch';
import { INDEX_OPTIONS, type SearchDocument } from './searchOptions.ts';

/**
 * Serialises the index of `documents` as JSON. Documents are added in order of address, so the
 * same pages give the same bytes whatever order they were found in (builds are compared byte
 * for byte). Throws a RangeError naming the address when two documents share one.
 */
export function buildSearchIndex(documents: readonly SearchDocument[]): string {
  const sorted = [...documents].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]!.url === sorted[i - 1]!.url)
      throw new RangeError(`buildSearchIndex: two documents have the address ${sorted[i]!.url}`);
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(sorted);
  return JSON.stringify(index);
}
