import { describe, expect, test } from 'vitest';
import { filterAttributes, filterCss, filterSummary, queryPhrase } from './listFilter.ts';

describe('filterCss', () => {
  const css = filterCss('finder', 'filter', [
    { name: 'region', values: ['all', 'north-east'] },
    { name: 'took-part', values: ['all', 'trial'] },
  ]);

  test('writes one rule per value of each control, hiding what does not carry the checked value', () => {
    expect(css.match(/display: none;/g)).toHaveLength(4 + 1);
    expect(css).toContain(
      '#finder:has(#filter :is(select[name="region"] option, input[name="region"])[value="north-east"]:checked) ' +
        '[data-filter-region]:not([data-filter-region~="north-east"]) {',
    );
    expect(css).toContain(
      '#finder:has(#filter :is(select[name="took-part"] option, input[name="took-part"])[value="trial"]:checked) ' +
        '[data-filter-took-part]:not([data-filter-took-part~="trial"]) {',
    );
  });

  test('hides the form where :has() is unsupported and no script has taken it over', () => {
    expect(css).toContain('@supports not selector(:has(*)) {\n  #filter:not([data-enhanced]) {');
  });

  test('refuses a value that would need escaping in a selector, naming the function', () => {
    expect(() => filterCss('finder', 'filter', [{ name: 'region', values: ['North "East"'] }])).toThrow(
      /filterCss: .*"North \\"East\\""/,
    );
  });
});

describe('filterSummary', () => {
  test('says every authority is shown when nothing is chosen', () => {
    expect(filterSummary(1532, 1532, [])).toBe('Showing all 1,532 authorities.');
  });

  test('says how many of how many, and what was chosen', () => {
    expect(filterSummary(3, 153, ['in London', 'took part in the trial'])).toBe(
      'Showing 3 of 153 authorities: in London, took part in the trial.',
    );
  });

  test('says when nothing matches', () => {
    expect(filterSummary(0, 153, ['in London', queryPhrase('zz')])).toBe(
      'No authority matches: in London, matching “zz”.',
    );
  });
});

test('filterAttributes names each control’s data-filter attribute', () => {
  expect(filterAttributes({ region: 'london all', 'took-part': 'all' })).toEqual({
    'data-filter-region': 'london all',
    'data-filter-took-part': 'all',
  });
});
