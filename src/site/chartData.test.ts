import { describe, expect, it } from 'vitest';
import { programmeMembership, rateChanges, rateSeries, trialConsort } from './chartData.ts';
import type { Context } from '../lib/contracts/resultsSchemas.ts';

const row = (laCode: string, year: number, value: number | null, ratePer10k: number | null): Context => ({
  laCode,
  year,
  measure: 's47_enquiries',
  value,
  symbol: value === null ? 'c' : null,
  ratePer10k,
});

describe('chart data', () => {
  it('continues Cumbria after 2023 as its successors combined, weighting by children', () => {
    const rows = [
      row('E10000006', 2023, 500, 50),
      // 300 enquiries among 60,000 children, and 100 among 40,000: 400 / 100,000 = 40 per 10,000.
      row('E06000063', 2024, 300, 50),
      row('E06000064', 2024, 100, 25),
      row('E06000063', 2025, 300, 50),
      row('E06000064', 2025, null, null),
    ];
    expect(rateSeries(rows, 'E10000006', 's47_enquiries', [2023, 2024, 2025])).toEqual([
      { year: 2023, value: 50 },
      { year: 2024, value: 40 },
      { year: 2025, value: null },
    ]);
  });

  it('computes a change as the mean of the later years minus the earlier, null if any is missing', () => {
    const rows = [
      row('A', 2018, 1, 10),
      row('A', 2019, 1, 20),
      row('A', 2021, 1, 30),
      row('A', 2022, 1, 40),
      row('B', 2018, 1, 10),
    ];
    expect(
      rateChanges(
        rows,
        [
          { laCode: 'A', name: 'A' },
          { laCode: 'B', name: 'B' },
        ],
        's47_enquiries',
        [2018, 2019],
        [2021, 2022],
      ),
    ).toEqual([
      { laCode: 'A', name: 'A', value: 20 },
      { laCode: 'B', name: 'B', value: null },
    ]);
  });

  it('marks authorities in both studies', () => {
    expect([...programmeMembership(['a', 'b'], ['b', 'c'])]).toEqual([
      ['a', 'pilot'],
      ['b', 'both'],
      ['c', 'trial'],
    ]);
  });

  it('builds the school flow from counts by arm and status', () => {
    const flow = trialConsort({
      trial: {
        authorities: 2,
        schoolsRandomised: 5,
        schoolsAnalysed: 3,
        pupilsRandomised: 1,
        schoolsByArm: { swis: 3, control: 2 },
        schoolsByStatus: {
          'swis:analysed': 2,
          'swis:withdrawn': 1,
          'control:analysed': 1,
          'control:lost_to_follow_up': 1,
        },
        periods: [],
      },
    } as never);
    expect(flow?.arms).toEqual([
      { label: 'SWIS', allocated: 3, withdrawn: 1, lost: 0, analysed: 2 },
      { label: 'Control', allocated: 2, withdrawn: 0, lost: 1, analysed: 1 },
    ]);
    expect(trialConsort({ trial: null })).toBeNull();
  });
});
