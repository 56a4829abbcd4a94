import { describe, expect, it } from 'vitest';
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import { areaRate, authorityFrequencies, frequenciesAtRate, latestRateYear } from './authorityFrequencies.ts';

const row = (laCode: string, year: number, ratePer10k: number | null): Context => ({
  laCode,
  year,
  measure: 's47_enquiries',
  value: ratePer10k === null ? null : 1,
  symbol: ratePer10k === null ? 'c' : null,
  ratePer10k,
  children: ratePer10k === null ? null : 60000,
});
const rows: Record<string, Context[]> = {
  A: [row('A', 2024, 150), row('A', 2025, 200)],
  B: [row('B', 2025, null)],
  C: [row('C', 2024, 90)],
};
const authorities = [
  { laCode: 'A', name: 'Aville' },
  { laCode: 'B', name: 'Bton' },
  { laCode: 'C', name: 'Cford' },
];

describe('authorityFrequencies', () => {
  it("scales the authority's rate per 10,000 children to a school's pupils and applies the published ratio", () => {
    const [a, ...rest] = authorityFrequencies(authorities, (la) => rows[la] ?? [], {
      measure: 's47_enquiries',
      year: 2025,
      pupils: 1000,
      published: { estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 },
    });
    expect(rest).toEqual([]); // B is suppressed in 2025 and C has no 2025 row
    expect(a).toMatchObject({ laCode: 'A', year: 2025, ratePer10k: 200 });
    // 1,000 pupils at 200 per 10,000 = 20 a year; × 1.055, 0.955 and 1.166.
    expect(a!.expected).toBeCloseTo(20, 12);
    expect(a!.withEstimate).toBeCloseTo(21.1, 12);
    expect(a!.withLow).toBeCloseTo(19.1, 12);
    expect(a!.withHigh).toBeCloseTo(23.32, 12);
  });
});

describe('latestRateYear and areaRate', () => {
  it('finds the latest year with a number, passing over a suppressed year', () => {
    expect(latestRateYear(rows['A']!, 's47_enquiries')).toBe(2025);
    expect(latestRateYear([...rows['C']!, row('C', 2025, null)], 's47_enquiries')).toBe(2024);
    expect(latestRateYear(rows['B']!, 's47_enquiries')).toBeNull();
    expect(latestRateYear(rows['A']!, 'referrals')).toBeNull();
  });

  it('gives the rate of a year, or the symbol in its place, or nothing for a missing row, never another year', () => {
    expect(areaRate(rows['A']!, 's47_enquiries', 2024)).toEqual({ year: 2024, ratePer10k: 150 });
    expect(areaRate(rows['B']!, 's47_enquiries', 2025)).toEqual({
      year: 2025,
      ratePer10k: null,
      symbol: 'c',
    });
    expect(areaRate(rows['C']!, 's47_enquiries', 2025)).toEqual({
      year: 2025,
      ratePer10k: null,
      symbol: null,
    });
  });
});

describe('frequenciesAtRate', () => {
  it('is schoolFrequencies at a tenth of the rate per 10,000, with the counts with the programme', () => {
    const f = frequenciesAtRate(1500, 189, { estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 });
    // 1,500 pupils at 189 per 10,000 = 28.35 a year.
    expect(f.expected).toBeCloseTo(28.35, 12);
    expect(f.withEstimate).toBeCloseTo(28.35 * 1.055, 12);
    expect(f.withLow).toBeCloseTo(28.35 * 0.955, 12);
    expect(f.withHigh).toBeCloseTo(28.35 * 1.166, 12);
    expect(() => frequenciesAtRate(1000, 0, { estimate: 1, ciLow: 1, ciHigh: 1 })).toThrow(RangeError);
  });
});
