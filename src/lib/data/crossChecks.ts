import { absenceChecks } from './absenceChecks.ts';
import { indexCompoundKeys } from './compoundKeyIndex.ts';
import type { CompoundKeyIndex } from './compoundKeyIndex.ts';
import { laStatisticValueChecks } from './laStatisticValues.ts';
import { monthRange } from './months.ts';
import { outcomeKindChecks, outcomesMeasured } from './outcomeKindChecks.ts';
import type { ParsedCsv } from './parseCsv.ts';
import { makeProblem } from './problems.ts';
import type { Problem } from './problems.ts';
import { ENGLAND_CODE } from './schemas.ts';
import type {
  AuthorityRow,
  ContextMeasureRow,
  LaStatisticRow,
  OutcomeRow,
  PilotOutcomeRow,
  PilotSchoolRow,
  PilotSiteRow,
  PublishedEstimateRow,
  PublishedFactRow,
  TrialOutcomeRow,
  TrialPeriodRow,
  TrialSchoolRow,
} from './schemas.ts';

/** A parsed file with the name used in messages and whether it parsed without problems. */
export type Table<T> = ParsedCsv<T> & { file: string; clean: boolean };

/**
 * A file whose rows were checked and summed while it was read, and not kept (see cells.ts): every
 * rule on its rows held, and `measured` lists the outcomes it has rows for.
 */
export type CheckedWhileRead = { file: string; clean: true; rows: null; measured: ReadonlySet<string> };

/** The parsed files a dataset's cross-file checks look at; null where the file is absent. */
export type Tables = {
  authorities: Table<AuthorityRow> | null;
  outcomes: Table<OutcomeRow> | null;
  trialPeriods: Table<TrialPeriodRow> | null;
  trialSchools: Table<TrialSchoolRow> | null;
  trialOutcomes: Table<TrialOutcomeRow> | null;
  pilotSites: Table<PilotSiteRow> | null;
  pilotSchools: Table<PilotSchoolRow> | null;
  pilotOutcomes: Table<PilotOutcomeRow> | CheckedWhileRead | null;
  laStatistics: Table<LaStatisticRow> | null;
  contextMeasures: Table<ContextMeasureRow> | null;
  publishedEstimates: Table<PublishedEstimateRow> | null;
  publishedFacts: Table<PublishedFactRow> | null;
};

/** How many missing combinations to list in one message before summarising the rest. */
const LIST_LIMIT = 6;

/**
 * Checks what no single file can check: keys unique, references resolvable, every analysed trial
 * school and every pilot school complete, pilot months inside their site's window, periods and
 * windows in order. A reference into a file that itself has problems is not checked, so that one
 * mistake is reported once rather than echoed in every file that points to it.
 */
export function crossChecks(t: Tables, extractedMonth: string | null = null): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, line: number | null, expected: string, found: string, column?: string): void => {
    problems.push(makeProblem({ file, line, expected, found, ...(column === undefined ? {} : { column }) }));
  };

  const unique = <T>(
    table: Table<T> | null,
    column: string,
    what: string,
    key: (row: T) => string,
    show: (row: T) => string,
  ): void => {
    if (table === null) return;
    const first = new Map<string, number>();
    table.rows.forEach((row, i) => {
      const k = key(row);
      const line = table.lines[i] ?? 0;
      const seen = first.get(k);
      if (seen === undefined) first.set(k, line);
      else
        add(
          table.file,
          line,
          `each ${what} to appear once`,
          `${show(row)} again (first on line ${seen})`,
          column,
        );
    });
  };
  // `unique` for a compound key over a large table (see compoundKeyIndex.ts); the same messages.
  const uniqueCompound = <T>(
    table: Table<T>,
    column: string,
    what: string,
    parts: ((row: T) => string)[],
    show: (row: T) => string,
  ): CompoundKeyIndex => {
    const index = indexCompoundKeys(table.rows, parts);
    for (const [i, first] of index.duplicates) {
      add(
        table.file,
        table.lines[i] ?? 0,
        `each ${what} to appear once`,
        `${show(table.rows[i]!)} again (first on line ${table.lines[first] ?? 0})`,
        column,
      );
    }
    return index;
  };
  const keys = <T>(table: Table<T> | null, key: (row: T) => string): Set<string> | null =>
    table === null || !table.clean ? null : new Set(table.rows.map(key));
  const refer = <T>(
    table: Table<T> | null,
    column: string,
    value: (row: T) => string,
    known: Set<string> | null,
    what: string,
    allowed: (v: string) => boolean = () => false,
  ): void => {
    if (table === null || known === null) return;
    table.rows.forEach((row, i) => {
      const v = value(row);
      if (!known.has(v) && !allowed(v))
        add(table.file, table.lines[i] ?? 0, what, `"${v}", which is not there`, column);
    });
  };

  const authorities = keys(t.authorities, (r) => r.la_code);
  const outcomes = keys(t.outcomes, (r) => r.outcome);
  const authFile = t.authorities?.file ?? 'authorities.csv';
  const outcomesFile = t.outcomes?.file ?? 'outcomes.csv';
  unique(
    t.authorities,
    'la_code',
    'la_code',
    (r) => r.la_code,
    (r) => `"${r.la_code}"`,
  );
  unique(
    t.outcomes,
    'outcome',
    'outcome',
    (r) => r.outcome,
    (r) => `"${r.outcome}"`,
  );

  // Trial
  const periods = t.trialPeriods;
  if (periods !== null) {
    unique(
      periods,
      'period',
      'period',
      (r) => r.period,
      (r) => `"${r.period}"`,
    );
    for (const name of ['baseline', 'followup'] as const) {
      if (periods.clean && !periods.rows.some((r) => r.period === name))
        add(periods.file, null, `a row for period "${name}"`, 'none');
    }
    periods.rows.forEach((r, i) => {
      if (r.start_month > r.end_month)
        add(
          periods.file,
          periods.lines[i] ?? 0,
          `a month on or after start_month (${r.start_month})`,
          `"${r.end_month}"`,
          'end_month',
        );
    });
  }
  unique(
    t.trialSchools,
    'school_id',
    'school_id',
    (r) => r.school_id,
    (r) => `"${r.school_id}"`,
  );
  refer(t.trialSchools, 'la_code', (r) => r.la_code, authorities, `an la_code listed in ${authFile}`);
  const trialSchools = keys(t.trialSchools, (r) => r.school_id);
  const trialOutcomes = t.trialOutcomes;
  if (trialOutcomes !== null) {
    refer(
      trialOutcomes,
      'school_id',
      (r) => r.school_id,
      trialSchools,
      `a school listed in ${t.trialSchools?.file ?? 'trial/schools.csv'}`,
    );
    refer(trialOutcomes, 'outcome', (r) => r.outcome, outcomes, `an outcome listed in ${outcomesFile}`);
    const present = uniqueCompound(
      trialOutcomes,
      'school_id',
      'school × period × outcome',
      [(r) => r.school_id, (r) => r.period, (r) => r.outcome],
      (r) => `"${r.school_id}", "${r.period}", "${r.outcome}"`,
    );
    if (t.trialSchools?.clean && t.outcomes?.clean && periods?.clean && trialOutcomes.clean) {
      // An outcome without trial rows is measured in the pilot only (see outcomeKindChecks).
      const measured = outcomesMeasured(trialOutcomes);
      const trialOutcomeRows = t.outcomes.rows.filter((o) => measured.has(o.outcome));
      t.trialSchools.rows.forEach((school, i) => {
        if (school.status !== 'analysed') return;
        const missing: string[] = [];
        for (const p of periods.rows) {
          for (const o of trialOutcomeRows) {
            if (!present.has([school.school_id, p.period, o.outcome]))
              missing.push(`${p.period} × ${o.outcome}`);
          }
        }
        if (missing.length > 0) {
          add(
            t.trialSchools?.file ?? '',
            t.trialSchools?.lines[i] ?? 0,
            `a row in ${trialOutcomes.file} for every period × outcome of analysed school "${school.school_id}"`,
            `none for ${listSome(missing)}`,
          );
        }
      });
    }
  }

  // Pilot
  const sites = t.pilotSites;
  if (sites !== null) {
    unique(
      sites,
      'la_code',
      'la_code',
      (r) => r.la_code,
      (r) => `"${r.la_code}"`,
    );
    refer(sites, 'la_code', (r) => r.la_code, authorities, `an la_code listed in ${authFile}`);
    sites.rows.forEach((r, i) => {
      const line = sites.lines[i] ?? 0;
      if (!(r.baseline_start < r.start_month))
        add(
          sites.file,
          line,
          `a month after baseline_start (${r.baseline_start})`,
          `"${r.start_month}"`,
          'start_month',
        );
      if (!(r.start_month <= r.end_month))
        add(
          sites.file,
          line,
          `a month on or after start_month (${r.start_month})`,
          `"${r.end_month}"`,
          'end_month',
        );
    });
  }
  const siteWindows = new Map<string, string[]>();
  if (sites?.clean) {
    // A window ending after the extraction month is reported by windowChecks.ts; its months are
    // not then each reported missing.
    for (const r of sites.rows)
      if (
        r.baseline_start < r.start_month &&
        r.start_month <= r.end_month &&
        (extractedMonth === null || r.end_month <= extractedMonth)
      )
        siteWindows.set(r.la_code, monthRange(r.baseline_start, r.end_month));
  }
  unique(
    t.pilotSchools,
    'school_id',
    'school_id',
    (r) => r.school_id,
    (r) => `"${r.school_id}"`,
  );
  refer(
    t.pilotSchools,
    'la_code',
    (r) => r.la_code,
    keys(sites, (r) => r.la_code),
    `an la_code listed in ${sites?.file ?? 'pilot/sites.csv'}`,
  );
  const pilotOutcomes = t.pilotOutcomes;
  if (pilotOutcomes !== null && pilotOutcomes.rows !== null) {
    const schoolSite = t.pilotSchools?.clean
      ? new Map(t.pilotSchools.rows.map((r) => [r.school_id, r.la_code]))
      : null;
    refer(
      pilotOutcomes,
      'school_id',
      (r) => r.school_id,
      schoolSite === null ? null : new Set(schoolSite.keys()),
      `a school listed in ${t.pilotSchools?.file ?? 'pilot/schools.csv'}`,
    );
    refer(pilotOutcomes, 'outcome', (r) => r.outcome, outcomes, `an outcome listed in ${outcomesFile}`);
    const present = uniqueCompound(
      pilotOutcomes,
      'school_id',
      'school × month × outcome',
      [(r) => r.school_id, (r) => r.month, (r) => r.outcome],
      (r) => `"${r.school_id}", "${r.month}", "${r.outcome}"`,
    );
    if (schoolSite !== null && sites?.clean) {
      // A map from la_code to its first site row, as rows.find gave, but O(1) per outcome row:
      // a linear find per row was O(rows × sites), 1.9M × 150 at national scale.
      const siteByLa = new Map<string, PilotSiteRow>();
      for (const s of sites.rows) if (!siteByLa.has(s.la_code)) siteByLa.set(s.la_code, s);
      // Rows that count towards their school's completeness: in the window, a listed outcome,
      // not a repeat. A school with as many as its window needs is complete, and only the
      // others are searched month by month and outcome by outcome for what is missing (that
      // search is millions of lookups at national scale, and clean data needs none of it).
      // An outcome without pilot rows is measured in the trial only (see outcomeKindChecks).
      const measured = outcomesMeasured(pilotOutcomes);
      // Pilot rows of other kinds are reported there, not as gaps here.
      const pilotOutcomeRows = (t.outcomes?.rows ?? []).filter(
        (o) => o.kind === 'count' && measured.has(o.outcome),
      );
      const knownOutcomes = new Set(pilotOutcomeRows.map((o) => o.outcome));
      const repeated = new Uint8Array(pilotOutcomes.rows.length);
      for (const [row] of present.duplicates) repeated[row] = 1;
      const counted = new Map<string, number>();
      // A school's rows usually come together: its site and count are kept while it lasts.
      let lastId: string | undefined;
      let site: PilotSiteRow | undefined;
      let run = 0;
      const endRun = (): void => {
        if (lastId !== undefined && run > 0) counted.set(lastId, (counted.get(lastId) ?? 0) + run);
        run = 0;
      };
      pilotOutcomes.rows.forEach((r, i) => {
        if (r.school_id !== lastId) {
          endRun();
          lastId = r.school_id;
          const la = schoolSite.get(r.school_id);
          site = la === undefined ? undefined : siteByLa.get(la);
          if (site !== undefined && !siteWindows.has(site.la_code)) site = undefined;
        }
        if (site === undefined) return;
        const inWindow = !(r.month < site.baseline_start || r.month > site.end_month);
        if (inWindow && repeated[i] === 0 && knownOutcomes.has(r.outcome)) run += 1;
        if (!inWindow) {
          add(
            pilotOutcomes.file,
            pilotOutcomes.lines[i] ?? 0,
            `a month within ${site.la_code}'s window ${site.baseline_start} to ${site.end_month}`,
            `"${r.month}"`,
            'month',
          );
        }
      });
      endRun();
      if (pilotOutcomes.clean && t.outcomes?.clean) {
        t.pilotSchools?.rows.forEach((school, i) => {
          const months = siteWindows.get(school.la_code);
          if (months === undefined) return;
          if (counted.get(school.school_id) === months.length * knownOutcomes.size) return;
          const missing: string[] = [];
          for (const m of months) {
            for (const o of pilotOutcomeRows)
              if (!present.has([school.school_id, m, o.outcome])) missing.push(`${m} × ${o.outcome}`);
          }
          if (missing.length > 0) {
            add(
              t.pilotSchools?.file ?? '',
              t.pilotSchools?.lines[i] ?? 0,
              `a row in ${pilotOutcomes.file} for every month × outcome of school "${school.school_id}" (${months[0]} to ${months.at(-1)})`,
              `none for ${listSome(missing)}`,
            );
          }
        });
      }
    }
  }

  // Context and published estimates
  refer(
    t.laStatistics,
    'la_code',
    (r) => r.la_code,
    authorities,
    `an la_code listed in ${authFile}, or ${ENGLAND_CODE} for England`,
    (v) => v === ENGLAND_CODE,
  );
  refer(
    t.contextMeasures,
    'outcome',
    (r) => r.outcome ?? '',
    outcomes,
    `an outcome listed in ${outcomesFile}, or a blank cell`,
    (v) => v === '',
  );
  unique(
    t.contextMeasures,
    'measure',
    'measure',
    (r) => r.measure,
    (r) => `"${r.measure}"`,
  );
  unique(
    t.laStatistics,
    'la_code',
    'la_code × year × measure',
    (r) => `${r.la_code}\u0000${r.year}\u0000${r.measure}`,
    (r) => `"${r.la_code}", ${r.year}, "${r.measure}"`,
  );
  const estimates = t.publishedEstimates;
  refer(estimates, 'outcome', (r) => r.outcome, outcomes, `an outcome listed in ${outcomesFile}`);
  refer(
    estimates,
    'scope',
    (r) => r.scope,
    authorities,
    `"overall" or an la_code listed in ${authFile}`,
    (v) => v === 'overall',
  );
  estimates?.rows.forEach((r, i) => {
    if (!(r.ci_low <= r.estimate && r.estimate <= r.ci_high)) {
      add(
        estimates.file,
        estimates.lines[i] ?? 0,
        'ci_low ≤ estimate ≤ ci_high',
        `ci_low ${r.ci_low}, estimate ${r.estimate}, ci_high ${r.ci_high}`,
        'estimate',
      );
    }
  });
  problems.push(...outcomeKindChecks(t));
  problems.push(...laStatisticValueChecks(t.laStatistics));
  problems.push(...absenceChecks(t.laStatistics));
  unique(
    t.publishedFacts,
    'fact',
    'fact',
    (r) => r.fact,
    (r) => `"${r.fact}"`,
  );
  return problems;
}

function listSome(items: readonly string[]): string {
  if (items.length <= LIST_LIMIT) return items.join(', ');
  return `${items.slice(0, LIST_LIMIT).join(', ')} and ${items.length - LIST_LIMIT} more`;
}
