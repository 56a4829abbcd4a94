import { setFlagsFromString } from 'node:v8';
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

  it('absorbs a part’s cells as this builder makes its own, in the same V8 shape (no migration of the cells built before)', () => {
    const rows = complete();
    const head = pilotCellsBuilder(pilot, kinds);
    for (const row of rows.slice(0, 4)) head.add(row);
    const tail = pilotCellsBuilder(pilot, kinds);
    for (const row of rows.slice(4)) tail.add(row);
    // The worker's part goes through a structured clone, as it does between threads.
    head.absorb(structuredClone(tail.part()));
    const { cells } = head.finish();
    // V8's own test of whether two objects share one hidden class (a parser flag, set before the
    // function using it is compiled). A cell whose count field held a double, where the others
    // hold small integers, would have a shape of its own, and the older cells would be migrated
    // on their next use: so this is asked before anything else reads them.
    setFlagsFromString('--allow-natives-syntax');
    const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: object,
      b: object,
    ) => boolean;
    expect(sameShape(cells[0]!, cells.at(-1)!)).toBe(true);
    expect(cells).toEqual(build(rows).cells);
  });
});
