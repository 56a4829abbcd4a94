import { describe, expect, it } from 'vitest';
import { absenceChecks } from './absenceChecks.ts';
import type { Table } from './crossChecks.ts';
import type { LaStatisticRow } from './schemas.ts';

const FILE = 'data/context/la-statistics.csv';
const table = (
  rows: [LaStatisticRow['measure'], LaStatisticRow['value']][],
  clean = true,
): Table<LaStatisticRow> => ({
  file: FILE,
  clean,
  problems: [],
  rows: rows.map(([measure, value]) => ({ la_code: 'E09000022', year: 2023, measure, value })),
  lines: rows.map((_, i) => i + 2),
});
const messages = (t: Table<LaStatisticRow>) => absenceChecks(t).map((p) => p.message);
const HINT =
  'Run `npm run import-context` again rather than editing absence by hand: see data/README.md, "Absence".';

describe('absenceChecks', () => {
  it('accepts a percentage that is its sessions missed ÷ possible as DfE rounds it, and rows without absence', () => {
    expect(
      messages(
        table([
          ['overall_absence_percent', 6.13546],
          ['sessions_missed', 234963],
          ['sessions_possible', 3829593],
          ['referrals', 3912],
        ]),
      ),
    ).toEqual([]);
    expect(messages(table([['overall_absence_percent', 'x']]))).toEqual([]);
  });

  it('names the line, the value expected from the counts and the value found when the percentage disagrees', () => {
    expect(
      messages(
        table([
          ['overall_absence_percent', 6.1],
          ['sessions_missed', 234963],
          ['sessions_possible', 3829593],
        ]),
      ),
    ).toEqual([
      `${FILE}:2: column "value": expected 6.13546 for E09000022 2023 (100 × 234963 sessions missed ÷ 3829593 possible, to 5 decimals), found 6.1. ${HINT}`,
    ]);
  });

  it('refuses a percentage without its counts, or with more sessions missed than possible', () => {
    expect(messages(table([['overall_absence_percent', 6]]))).toEqual([
      `${FILE}:2: column "value": expected overall_absence_percent for E09000022 2023 beside its sessions_missed and sessions_possible (whole numbers, missed no more than possible), found sessions_missed absent and sessions_possible absent. ${HINT}`,
    ]);
    expect(
      messages(
        table([
          ['overall_absence_percent', 6],
          ['sessions_missed', 20],
          ['sessions_possible', 10],
        ]),
      ),
    ).toHaveLength(1);
  });

  it('leaves a file with problems of its own to those problems', () => {
    expect(messages(table([['overall_absence_percent', 6]], false))).toEqual([]);
  });
});
