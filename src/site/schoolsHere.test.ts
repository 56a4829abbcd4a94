import { describe, expect, it } from 'vitest';
import type { Comparison, Context } from '../lib/contracts/resultsSchemas.ts';
import type { ContextMeasure } from './siteData.ts';
import { schoolsHere } from './schoolsHere.ts';

const row = (
  laCode: string,
  year: number,
  measure: Context['measure'],
  ratePer10k: number | null,
): Context => ({
  laCode,
  year,
  measure,
  value: ratePer10k === null ? null : 1,
  symbol: ratePer10k === null ? 'c' : null,
  ratePer10k,
  children: ratePer10k === null ? null : 60000,
});
const measure = (m: string, outcome?: string): ContextMeasure => ({
  measure: m as ContextMeasure['measure'],
  label: m,
  direction: 'neutral',
  directionNote: '',
  ...(outcome ? { outcome } : {}),
});
const published = {
  estimate: 1.1,
  ciLow: 0.9,
  ciHigh: 1.3,
  sourceTitle: 'Report',
  sourceUrl: 'https://example.org/',
};
const comparison = (outcome: string, scope = 'overall'): Comparison => ({
  study: 'trial',
  outcome,
  scope,
  analysis: 'adjusted',
  followUpMonths: null,
  published,
  computed: null,
  computedInsidePublishedInterval: null,
});
const england = [
  row('E92000001', 2024, 's47_enquiries', 180),
  row('E92000001', 2025, 's47_enquiries', 190),
  row('E92000001', 2025, 'referrals', 500),
];
const measures = [measure('referrals', 'referral'), measure('s47_enquiries', 's47'), measure('icpc')];

describe('schoolsHere', () => {
  it("gives each linked measure with a published estimate the authority's rate in England's latest year, at each size", () => {
    const local = [row('A', 2024, 's47_enquiries', 150), row('A', 2025, 's47_enquiries', 200)];
    const [s47, ...rest] = schoolsHere(local, england, measures, [comparison('s47')], [500, 1000]);
    // referrals' outcome has no published estimate; icpc is linked to none.
    expect(rest).toEqual([]);
    expect(s47).toMatchObject({ year: 2025, local: { ratePer10k: 200 }, england: { ratePer10k: 190 } });
    // 1,000 pupils at 200 per 10,000 children: 20 a year; × 1.1, 0.9 and 1.3.
    const thousand = s47!.rows[1]!;
    expect(thousand.pupils).toBe(1000);
    expect(thousand.expected).toBeCloseTo(20, 12);
    expect(thousand.withEstimate).toBeCloseTo(22, 12);
    expect(thousand.withLow).toBeCloseTo(18, 12);
    expect(thousand.withHigh).toBeCloseTo(26, 12);
    expect(s47!.rows[0]!.expected).toBeCloseTo(10, 12);
  });

  it('gives no rows for a suppressed or missing rate, and takes none from an earlier year', () => {
    const suppressed = schoolsHere(
      [row('B', 2024, 's47_enquiries', 150), row('B', 2025, 's47_enquiries', null)],
      england,
      measures,
      [comparison('s47')],
      [1000],
    )[0]!;
    expect(suppressed.local).toEqual({ year: 2025, ratePer10k: null, symbol: 'c' });
    expect(suppressed.rows).toEqual([]);
    const missing = schoolsHere(
      [row('C', 2024, 's47_enquiries', 90)],
      england,
      measures,
      [comparison('s47')],
      [1000],
    )[0]!;
    expect(missing.local).toEqual({ year: 2025, ratePer10k: null, symbol: null });
    expect(missing.rows).toEqual([]);
  });

  it('leaves out a linked outcome whose only published estimate is for one authority', () => {
    expect(schoolsHere([], england, measures, [comparison('s47', 'E09000008')], [1000])).toEqual([]);
  });
});
