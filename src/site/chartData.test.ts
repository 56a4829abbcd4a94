import { describe, expect, it } from 'vitest';
import englandTopologyJson from '../../data/geo/england-authorities.json' with { type: 'json' };
import { programmeMembership, rateChanges, rateSeries, successorsFrom, trialConsort } from './chartData.ts';
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import type { EnglandTopology } from '../lib/geo/englandTopology.ts';

const row = (
  laCode: string,
  year: number,
  value: number | null,
  ratePer10k: number | null,
  children: number | null = null,
): Context => ({
  laCode,
  year,
  measure: 's47_enquiries',
  value,
  symbol: value === null ? 'c' : null,
  ratePer10k,
  children,
});

describe('chart data', () => {
  it('reads former authorities and their successors from the map file, their one home', () => {
    const successors = successorsFrom(englandTopologyJson as unknown as EnglandTopology);
    expect(successors.get('E10000006')?.successors).toEqual(['E06000063', 'E06000064']);
  });

  it('continues a former authority after abolition as its successors combined, weighting by children', () => {
    const successors = new Map([['OLD', { name: 'Old', successors: ['NEW1', 'NEW2'], note: '' }]]);
    const rows = [
      row('OLD', 2023, 500, 50, 100000),
      // 300 enquiries among 60,000 children, and 100 among 40,000: 400 / 100,000 = 40 per 10,000.
      row('NEW1', 2024, 300, 50, 60000),
      row('NEW2', 2024, 100, 25, 40000),
      // A suppressed count, its children known: the sum is not known.
      row('NEW1', 2025, 300, 50, 60000),
      row('NEW2', 2025, null, null, 40000),
    ];
    expect(rateSeries(rows, 'OLD', 's47_enquiries', [2024])).toEqual([{ year: 2024, value: null }]);
    expect(rateSeries(rows, 'OLD', 's47_enquiries', [2023, 2024, 2025], successors)).toEqual([
      { year: 2023, value: 50 },
      { year: 2024, value: 40 },
      { year: 2025, value: null },
    ]);
  });

  it("adds the successors' children as context.json carries them, not as count ÷ rate × 10,000", () => {
    const successors = new Map([['OLD', { name: 'Old', successors: ['NEW1', 'NEW2'], note: '' }]]);
    // Rates to one decimal, as DfE publishes them: 7 among 2,950 children is 23.728… (23.7), and 3
    // among 1,000 is 30.0. Children rebuilt from them would be 2,953.6 + 1,000, giving 25.29; the
    // children themselves give 10 among 3,950, 25.32 per 10,000.
    const rows = [
      row('NEW1', 2024, 7, 23.7, 2950),
      row('NEW2', 2024, 3, 30, 1000),
      // No events among 1,000 children is a rate of 0, and the sum is known.
      row('NEW1', 2025, 7, 23.7, 2950),
      row('NEW2', 2025, 0, 0, 1000),
      // Children not known (a symbol in the source): the sum is not known.
      row('NEW1', 2026, 7, 23.7, 2950),
      row('NEW2', 2026, 3, null, null),
    ];
    expect(rateSeries(rows, 'OLD', 's47_enquiries', [2024, 2025, 2026], successors)).toEqual([
      { year: 2024, value: (10 * 10000) / 3950 },
      { year: 2025, value: (7 * 10000) / 3950 },
      { year: 2026, value: null },
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
    const flow = trialConsort(
      {
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
      } as never,
      'Example',
    );
    expect(flow?.arms).toEqual([
      { label: 'Example', allocated: 3, withdrawn: 1, lost: 0, analysed: 2 },
      { label: 'Control', allocated: 2, withdrawn: 0, lost: 1, analysed: 1 },
    ]);
    expect(trialConsort({ trial: null }, 'Example')).toBeNull();
  });
});
