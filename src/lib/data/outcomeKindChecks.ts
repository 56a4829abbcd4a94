import type { CheckedWhileRead, Table, Tables } from './crossChecks.ts';
import { makeProblem } from './problems.ts';
import type { Problem } from './problems.ts';
import type { OutcomeKind } from './schemas.ts';

/** What each kind of outcome puts in each column of trial/outcomes.csv (the contract's table). */
const FILLS: Record<OutcomeKind, Record<'count' | 'exposure' | 'value', string | null>> = {
  count: { count: 'a whole number, 0 or more (events)', exposure: null, value: null },
  sessions: {
    count: 'a whole number, 0 or more (sessions missed)',
    exposure: 'a whole number greater than 0 (sessions possible)',
    value: null,
  },
  score: { count: null, exposure: null, value: 'a number (the school’s mean score)' },
};

const HINT = 'Each kind of outcome fills its own columns: see data/README.md, "Outcome kinds".';

/**
 * The rules of the contract's outcome kinds that no single file can check: each row of
 * trial/outcomes.csv fills exactly the columns its outcome's kind needs (a count outcome its
 * count; a sessions outcome its count and an exposure no smaller than it; a score outcome its
 * value); pilot data holds count outcomes only; and every outcome is measured in some study
 * present. Nothing is checked against an outcomes.csv that has problems of its own.
 */
export function outcomeKindChecks(t: Tables): Problem[] {
  const problems: Problem[] = [];
  if (t.outcomes === null || !t.outcomes.clean) return problems;
  const kinds = new Map(t.outcomes.rows.map((o) => [o.outcome, o.kind]));
  const add = (table: Table<unknown>, i: number, column: string, expected: string, found: string): void => {
    problems.push(
      makeProblem({ file: table.file, line: table.lines[i] ?? 0, column, expected, found, hint: HINT }),
    );
  };

  const trial = t.trialOutcomes;
  trial?.rows.forEach((row, i) => {
    const kind = kinds.get(row.outcome);
    if (kind === undefined) return;
    const whose = `for outcome "${row.outcome}", a ${kind} outcome`;
    for (const column of ['count', 'exposure', 'value'] as const) {
      const wanted = FILLS[kind][column];
      const cell = row[column];
      if (wanted !== null && cell === null) add(trial, i, column, `${wanted} ${whose}`, 'an empty cell');
      if (wanted === null && cell !== null) add(trial, i, column, `a blank cell ${whose}`, `"${cell}"`);
    }
    if (kind === 'sessions' && row.count !== null && row.exposure !== null && row.exposure < row.count) {
      add(
        trial,
        i,
        'exposure',
        `sessions possible at least the sessions missed (count ${row.count}) ${whose}`,
        `"${row.exposure}"`,
      );
    }
  });

  const pilot = t.pilotOutcomes;
  // (A file checked while it was read held this rule already.)
  if (pilot !== null && pilot.rows !== null && [...kinds.values()].some((k) => k !== 'count')) {
    pilot.rows.forEach((row, i) => {
      const kind = kinds.get(row.outcome);
      if (kind !== undefined && kind !== 'count')
        add(
          pilot,
          i,
          'outcome',
          'a count outcome (pilot data holds counts only)',
          `"${row.outcome}", a ${kind} outcome`,
        );
    });
  }

  // An outcome may be measured in one study only, but in one at least.
  const studies = [trial, pilot].filter((s): s is NonNullable<typeof s> => s !== null);
  if (studies.length > 0 && studies.every((s) => s.clean)) {
    const measured = new Set(studies.flatMap((s) => [...outcomesMeasured(s)]));
    const outcomes = t.outcomes;
    outcomes.rows.forEach((o, i) => {
      if (!measured.has(o.outcome))
        problems.push(
          makeProblem({
            file: outcomes.file,
            line: outcomes.lines[i] ?? 0,
            column: 'outcome',
            expected: `rows for outcome "${o.outcome}" in ${studies.map((s) => s.file).join(' or ')}`,
            found: 'none',
            hint: 'Add its rows, or remove the outcome.',
          }),
        );
    });
  }
  return problems;
}

/** The outcomes that have at least one row in a study's outcomes file: the ones it must have for every school. */
export function outcomesMeasured(table: Table<{ outcome: string }> | CheckedWhileRead): ReadonlySet<string> {
  if (table.rows === null) return table.measured;
  const measured = new Set<string>();
  for (const row of table.rows) measured.add(row.outcome);
  return measured;
}
