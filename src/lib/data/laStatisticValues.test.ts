import { describe, expect, it } from 'vitest';
import type { Table } from './crossChecks.ts';
import { laStatisticValueChecks } from './laStatisticValues.ts';
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
const messages = (t: Table<LaStatisticRow>) => laStatisticValueChecks(t).map((p) => p.message);
const HINT =
  'Correct the value from its source, or run `npm run import-context` again (see data/README.md); a value that is not available is written as a DfE symbol such as x, never as a number.';

describe('laStatisticValueChecks', () => {
  it('accepts every measure at the edges of its range, and symbols', () => {
    expect(
      messages(
        table([
          ['referrals', 0],
          ['cla_starts', 12],
          ['children_0_17', 1],
          ['school_referral_percent', 0],
          ['overall_absence_percent', 100],
          ['cla_starts_rate_published', 0],
          ['sessions_missed', 0],
          ['sessions_possible', 3829593],
          ['children_0_17', 'c'],
          ['s47_enquiries', 'x'],
        ]),
      ),
    ).toEqual([]);
  });

  it('names the line, the measure, the range and the value out of it', () => {
    expect(
      messages(
        table([
          ['children_0_17', 40000],
          ['children_0_17', -40000],
          ['children_0_17', 0],
          ['s47_enquiries', -3],
          ['icpc', 2.5],
          ['school_referral_percent', 120],
          ['cla_starts_rate_published', -1.2],
          ['sessions_possible', -1],
        ]),
      ),
    ).toEqual([
      `${FILE}:3: column "value": expected a whole number of children, 1 or more for children_0_17, found -40000. ${HINT}`,
      `${FILE}:4: column "value": expected a whole number of children, 1 or more for children_0_17, found 0. ${HINT}`,
      `${FILE}:5: column "value": expected a whole number of events, 0 or more for s47_enquiries, found -3. ${HINT}`,
      `${FILE}:6: column "value": expected a whole number of events, 0 or more for icpc, found 2.5. ${HINT}`,
      `${FILE}:7: column "value": expected a percentage from 0 to 100 for school_referral_percent, found 120. ${HINT}`,
      `${FILE}:8: column "value": expected a rate of 0 or more for cla_starts_rate_published, found -1.2. ${HINT}`,
      `${FILE}:9: column "value": expected a whole number of sessions, 0 or more for sessions_possible, found -1. ${HINT}`,
    ]);
  });

  it('leaves a file with problems alone: its rows are incomplete', () => {
    expect(messages(table([['children_0_17', -1]], false))).toEqual([]);
  });
});
