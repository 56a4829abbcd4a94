import { describe, expect, it } from 'vitest';
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import { authorityFrequencies } from './authorityFrequencies.ts';

const row = (laCode: string, year: number, ratePer10k: number | null): Context => ({
  laCode,
  year,
  measure: 's47_enquiries',
  value: ratePer10k === null ? null : 1,
  symbol: ratePer10k === null ? 'c' : null,
  ratePer10k,
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
