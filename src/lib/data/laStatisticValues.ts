import type { Table } from './crossChecks.ts';
import { makeProblem } from './problems.ts';
import type { Problem } from './problems.ts';
import type { LaStatisticRow } from './schemas.ts';

/** What a measure's number can be, in the words a message uses, and the test it must pass. */
type ValueRule = { expected: string; holds: (v: number) => boolean };

const wholeAtLeast = (min: number, what: string): ValueRule => ({
  expected: `a whole number of ${what}, ${min} or more`,
  holds: (v) => Number.isInteger(v) && v >= min,
});
const events = wholeAtLeast(0, 'events');
const percent: ValueRule = { expected: 'a percentage from 0 to 100', holds: (v) => v >= 0 && v <= 100 };

/**
 * The range of each measure of context/la-statistics.csv. The schema reads every value as a
 * number or a DfE symbol; a number out of its measure's range is a typing or import mistake that
 * would otherwise be published: a negative count, or a population of 0 or below, which every rate
 * per 10,000 children divides by. (`satisfies` makes a measure added to the schema need a rule.)
 */
const RULES = {
  referrals: events,
  s47_enquiries: events,
  icpc: events,
  cpp_starts: events,
  cin_starts: events,
  cla_starts: events,
  children_0_17: wholeAtLeast(1, 'children'),
  cla_starts_rate_published: { expected: 'a rate of 0 or more', holds: (v) => v >= 0 },
  school_referral_percent: percent,
  overall_absence_percent: percent,
  sessions_missed: wholeAtLeast(0, 'sessions'),
  sessions_possible: wholeAtLeast(0, 'sessions'),
} satisfies Record<LaStatisticRow['measure'], ValueRule>;

const HINT =
  'Correct the value from its source, or run `npm run import-context` again (see data/README.md); a value that is not available is written as a DfE symbol such as x, never as a number.';

/**
 * Every number in context/la-statistics.csv is in its measure's range (RULES); symbols are not
 * numbers and pass. Not checked on a file with problems, whose rows are incomplete.
 */
export function laStatisticValueChecks(table: Table<LaStatisticRow> | null): Problem[] {
  if (table === null || !table.clean) return [];
  const problems: Problem[] = [];
  table.rows.forEach((r, i) => {
    if (typeof r.value !== 'number') return;
    const rule = RULES[r.measure];
    if (rule.holds(r.value)) return;
    problems.push(
      makeProblem({
        file: table.file,
        line: table.lines[i] ?? 0,
        column: 'value',
        expected: `${rule.expected} for ${r.measure}`,
        found: `${r.value}`,
        hint: HINT,
      }),
    );
  });
  return problems;
}
