import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex } from './buildSearchIndex.ts';
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from './searchOptions.ts';

const docs: SearchDocument[] = [
  { url: '/findings/trial/', title: 'What the trial found', text: 'No reduction in Section 47 enquiries.' },
  { url: '/authorities/lambeth/', title: 'Lambeth', text: 'Inner London. Took part in the pilot.' },
  { url: '/glossary/', title: 'Glossary', text: 'Section 47 enquiry (child protection enquiry) An enquiry.' },
  { url: '/updates/', title: 'Updates', text: 'News about Lambeth and Southend-on-Sea.' },
];
const load = (json: string) => MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS);
const search = (json: string, q: string) =>
  load(json)
    .search(q, QUERY_OPTIONS)
    .map((r) => r.id);

describe('buildSearchIndex', () => {
  test('gives the same bytes whatever order the pages come in', () => {
    expect(buildSearchIndex([...docs].reverse())).toBe(buildSearchIndex(docs));
  });

  test('stores each page title and text for the results list', () => {
    expect(load(buildSearchIndex(docs)).getStoredFields('/authorities/lambeth/')).toEqual({
      title: 'Lambeth',
      text: 'Inner London. Took part in the pilot.',
    });
  });

  test('every word must match; the last may be a prefix; a title match ranks first', () => {
    const json = buildSearchIndex(docs);
    expect(search(json, 'Section 47').sort()).toEqual(['/findings/trial/', '/glossary/']);
    expect(search(json, 'section 47 protection')).toEqual(['/glossary/']);
    expect(search(json, 'Lamb')[0]).toBe('/authorities/lambeth/');
    expect(search(json, 'lambeth')).toEqual(['/authorities/lambeth/', '/updates/']);
    // Only the last word is a prefix: "in" alone does not match "inner".
    expect(search(json, 'in pilot')).toEqual(['/authorities/lambeth/']);
  });

  test('allows a typo in longer words, but not in short ones', () => {
    const json = buildSearchIndex(docs);
    expect(search(json, 'lambth')).toContain('/authorities/lambeth/');
    expect(search(json, 'southnd')).toEqual(['/updates/']);
    expect(search(json, '48 enquiries')).toEqual([]);
  });

  test('rejects two pages with one address', () => {
    expect(() => buildSearchIndex([docs[0]!, docs[0]!])).toThrow(
      /buildSearchIndex: two documents have the address \/findings\/trial\//,
    );
  });
});
