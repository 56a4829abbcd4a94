import { describe, expect, it } from 'vitest';
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import { comparisonWords, directionSummary, latestRates, rateCell } from './englandComparison.ts';
import type { ContextMeasure } from './siteData.ts';

const row = (over: Partial<Context>): Context => ({
  laCode: 'E09000022',
  year: 2024,
  measure: 's47_enquiries',
  value: 100,
  symbol: null,
  ratePer10k: 20,
  children: 50000,
  ...over,
});
const compared = (comparison95: 'higher' | 'similar' | 'lower', comparison998: typeof comparison95) =>
  row({ comparedWithEngland: { lower95: 1, upper95: 2, comparison95, comparison998 } });

describe('comparisonWords', () => {
  it('names the strictest level at which the rate differs from England', () => {
    expect(comparisonWords(compared('higher', 'higher'))).toBe('Higher than England (99.8%)');
    expect(comparisonWords(compared('higher', 'similar'))).toBe('Higher than England (95%)');
    expect(comparisonWords(compared('lower', 'similar'))).toBe('Lower than England (95%)');
    expect(comparisonWords(compared('similar', 'similar'))).toBe('Similar to England');
  });
  it('drops "than England" when short', () => {
    expect(comparisonWords(compared('lower', 'lower'), { short: true })).toBe('Lower (99.8%)');
    expect(comparisonWords(compared('similar', 'similar'), { short: true })).toBe('Similar');
    expect(comparisonWords(undefined, { short: true })).toBe('Not compared');
  });
  it('says "Not compared" for a suppressed figure or a missing row', () => {
    expect(comparisonWords(row({ value: null, symbol: 'c', ratePer10k: null }))).toBe('Not compared');
    expect(comparisonWords(undefined)).toBe('Not compared');
  });
});

describe('rateCell', () => {
  it('shows a rate to one decimal, a symbol as itself and a missing row as x', () => {
    expect(rateCell(row({ ratePer10k: 1234.56 }))).toBe('1,234.6');
    expect(rateCell(row({ ratePer10k: null, symbol: 'c' }))).toBe('c');
    expect(rateCell(undefined)).toBe('x');
  });
});

const measure = (m: string, direction: ContextMeasure['direction'] = 'neutral'): ContextMeasure => ({
  measure: m as ContextMeasure['measure'],
  label: m,
  direction,
  directionNote: '',
});

describe('latestRates', () => {
  it("takes each measure's latest year with an England rate, in the measures' order", () => {
    const england = [
      row({ laCode: 'E92000001', measure: 'referrals', year: 2023 }),
      row({ laCode: 'E92000001', measure: 'referrals', year: 2024, ratePer10k: null, symbol: 'x' }),
      row({ laCode: 'E92000001', measure: 's47_enquiries', year: 2024 }),
    ];
    const local = [row({ measure: 'referrals', year: 2023, ratePer10k: 7 })];
    const latest = latestRates(
      [measure('s47_enquiries'), measure('referrals'), measure('icpc')],
      local,
      england,
    );
    expect(latest.map((l) => [l.measure.measure, l.year, l.local?.ratePer10k])).toEqual([
      ['s47_enquiries', 2024, undefined],
      ['referrals', 2023, 7],
    ]);
  });
});

describe('directionSummary', () => {
  it('says when no measure has a better direction, when all do, and names the ones that do', () => {
    expect(directionSummary([measure('a'), measure('b')])).toMatch(/^For none of these measures/);
    expect(directionSummary([measure('a', 'lower_is_better')])).toBe(
      'For each of these measures, a lower rate is better.',
    );
    expect(directionSummary([measure('a', 'lower_is_better'), measure('b')])).toMatch(/better for a;/);
  });
});
