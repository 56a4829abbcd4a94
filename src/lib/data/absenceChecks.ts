import { absenceRate } from '../context/absence.ts';
import type { Table } from './crossChecks.ts';
import { makeProblem } from './problems.ts';
import type { Problem } from './problems.ts';
import type { LaStatisticRow } from './schemas.ts';

const HINT =
  'Run `npm run import-context` again rather than editing absence by hand: see data/README.md, "Absence".';

/**
 * The absence rows of context/la-statistics.csv agree with each other: where an authority's year
 * has `overall_absence_percent`, it has `sessions_missed` and `sessions_possible` too (whole
 * numbers, missed no more than possible), and the percentage is 100 × missed ÷ possible rounded as
 * DfE rounds it (absence.ts). A percentage edited by hand, or counts changed without it, would
 * otherwise publish a figure its own counts contradict. Not checked on a file with problems.
 */
export function absenceChecks(table: Table<LaStatisticRow> | null): Problem[] {
  if (table === null || !table.clean) return [];
  const years = new Map<string, Partial<Record<string, { value: LaStatisticRow['value']; line: number }>>>();
  table.rows.forEach((r, i) => {
    if (!['overall_absence_percent', 'sessions_missed', 'sessions_possible'].includes(r.measure)) return;
    const key = `${r.la_code} ${r.year}`;
    years.set(key, { ...years.get(key), [r.measure]: { value: r.value, line: table.lines[i] ?? 0 } });
  });
  const problems: Problem[] = [];
  for (const [key, y] of years) {
    const percent = y.overall_absence_percent;
    if (percent === undefined || typeof percent.value !== 'number') continue;
    const missed = y.sessions_missed?.value;
    const possible = y.sessions_possible?.value;
    const add = (expected: string, found: string) =>
      problems.push(
        makeProblem({ file: table.file, line: percent.line, column: 'value', expected, found, hint: HINT }),
      );
    const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (!isCount(missed) || !isCount(possible) || possible < 1 || missed > possible) {
      add(
        `overall_absence_percent for ${key} beside its sessions_missed and sessions_possible (whole numbers, missed no more than possible)`,
        `sessions_missed ${missed ?? 'absent'} and sessions_possible ${possible ?? 'absent'}`,
      );
      continue;
    }
    const expected = absenceRate(missed, possible);
    if (expected !== percent.value)
      add(
        `${expected} for ${key} (100 × ${missed} sessions missed ÷ ${possible} possible, to 5 decimals)`,
        `${percent.value}`,
      );
  }
  return problems;
}
