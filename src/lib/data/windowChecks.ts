import type { Table } from './crossChecks.ts';
import { makeProblem } from './problems.ts';
import type { Problem } from './problems.ts';
import type { PilotSiteRow, TrialPeriodRow } from './schemas.ts';

/**
 * Checks the study windows against each other and against the month the data were extracted:
 * the trial's baseline ends before its follow-up starts (so neither overlaps the other), and no
 * window of the trial or of a pilot site ends after `extracted` (dataset.csv's extracted_month,
 * null when not given).
 * Each window's own months in order (start before end) are checked in crossChecks.ts. A window
 * that is wrong changes every rate silently, and builds never read the clock, so the extraction
 * month is what tells a window ending in 2042 from a real one.
 */
export function windowChecks(
  extracted: string | null,
  datasetFile: string,
  periods: Table<TrialPeriodRow> | null,
  sites: Table<PilotSiteRow> | null,
): Problem[] {
  const problems: Problem[] = [];
  const add = (
    table: Table<unknown>,
    i: number,
    column: string,
    expected: string,
    found: string,
    hint: string,
  ) =>
    problems.push(
      makeProblem({ file: table.file, line: table.lines[i] ?? null, column, expected, found, hint }),
    );

  if (periods?.clean) {
    const at = (name: string) => periods.rows.findIndex((r) => r.period === name);
    const [b, f] = [at('baseline'), at('followup')];
    const baseline = periods.rows[b];
    const followup = periods.rows[f];
    if (baseline && followup && followup.start_month <= baseline.end_month)
      add(
        periods,
        f,
        'start_month',
        `a month after the baseline's end_month (${baseline.end_month}): the baseline comes before the follow-up and the two do not overlap`,
        `"${followup.start_month}"`,
        'Check both periods: the follow-up starts after the baseline ends.',
      );
  }

  if (extracted === null) return problems;
  const after = (end: string) => end > extracted;
  const expected = `a month no later than ${extracted}, when the data were extracted (extracted_month in ${datasetFile})`;
  const hint = 'Data cannot cover months after they were extracted: check the month, or extracted_month.';
  periods?.rows.forEach((r, i) => {
    if (after(r.end_month)) add(periods, i, 'end_month', expected, `"${r.end_month}"`, hint);
  });
  sites?.rows.forEach((r, i) => {
    if (after(r.end_month)) add(sites, i, 'end_month', expected, `"${r.end_month}"`, hint);
  });
  return problems;
}
