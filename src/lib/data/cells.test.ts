import { describe, expect, it } from 'vitest';
import { pilotCellsBuilder } from './cells.ts';
import type { OutcomeKind, PilotOutcomeRow } from './schemas.ts';

const pilot = {
  sites: [{ la_code: 'E09000022', baseline_start: '2021-01', start_month: '2021-03', end_month: '2021-04' }],
  schools: [
    { school_id: 'p1', la_code: 'E09000022', group: 'swis' as const, pupils: 120 },
    { school_id: 'p2', la_code: 'E09000022', group: 'comparison' as const, pupils: 240 },
  ],
};
const kinds = new Map<string, OutcomeKind>([
  ['s47', 'count'],
  ['absence', 'sessions'],
]);
const complete = (): PilotOutcomeRow[] =>
  ['p1', 'p2'].flatMap((school_id) =>
    ['2021-01', '2021-02', '2021-03', '2021-04'].map((month) => ({
      school_id,
      month,
      outcome: 's47',
      count: 3,
    })),
  );
const build = (rows: readonly PilotOutcomeRow[]) => {
  const builder = pilotCellsBuilder(pilot, kinds);
  for (const row of rows) builder.add(row);
  return builder.finish();
};

describe('pilotCellsBuilder', () => {
  it('sums each school’s months into pre and post cells, in the order they first appear, and finds the rows complete', () => {
    const result = build(complete());
    expect(result.verified).toBe(true);
    expect([...result.measured]).toEqual(['s47']);
    expect(result.cells.map((c) => [c.school.schoolId, c.period, c.count, c.years])).toEqual([
      ['p1', 'pre', 6, 20],
      ['p1', 'post', 6, 20],
      ['p2', 'pre', 6, 40],
      ['p2', 'post', 6, 40],
    ]);
  });

  it.each([
    [
      'a repeated school × month × outcome',
      [...complete(), { school_id: 'p1', month: '2021-02', outcome: 's47', count: 1 }],
    ],
    [
      'a month outside the site’s window',
      [...complete(), { school_id: 'p1', month: '2021-05', outcome: 's47', count: 1 }],
    ],
    [
      'a school that is not listed',
      [...complete(), { school_id: 'p9', month: '2021-01', outcome: 's47', count: 1 }],
    ],
    [
      'an outcome that is not a count',
      [...complete(), { school_id: 'p1', month: '2021-01', outcome: 'absence', count: 1 }],
    ],
    [
      'an outcome that is not listed',
      [...complete(), { school_id: 'p1', month: '2021-01', outcome: 'x', count: 1 }],
    ],
    ['a missing month', complete().slice(1)],
  ])('leaves the rows to the checks when it meets %s', (_, rows) => {
    expect(build(rows).verified).toBe(false);
  });
});
