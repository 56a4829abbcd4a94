/**
 * Descriptive summaries of the trial's outcomes that are not counts (the contract's "outcome
 * kinds"), by scope (overall or an authority), arm and period: for a `sessions` outcome the % of
 * sessions missed (sessions missed ÷ sessions possible, pooled over the schools), for a `score`
 * outcome the mean of the schools' scores with its 95% t interval. Disclosure control: a summary
 * drawn from fewer than `minSchools` schools is withheld (`c`), and so is a count of sessions
 * missed from 1 to `threshold`; the secondary rule then withholds the next smallest authority
 * where the overall figure and all but one authority would reveal the hidden one.
 */
import { studentTQuantile } from '../stats/meanDifference.ts';
import { SUPPRESSED, type Summary } from '../contracts/resultsSchemas.ts';
import type { TrialOutcomeRow, TrialSchoolRow } from '../data/schemas.ts';
import { suppressedCells, type DisclosureGroup } from './disclosure.ts';
import { cmp, round } from './rates.ts';

/** The default fewest schools a published summary may be drawn from. */
export const DEFAULT_MIN_SCHOOLS = 3;

/** The trial rows a summary reads, as the loader gives them (the CSV contract's row types). */
export interface SummaryInput {
  schools: readonly Pick<TrialSchoolRow, 'school_id' | 'la_code' | 'arm' | 'status'>[];
  outcomes: readonly Pick<
    TrialOutcomeRow,
    'school_id' | 'period' | 'outcome' | 'count' | 'exposure' | 'value'
  >[];
}

interface Aggregate {
  outcome: string;
  kind: 'sessions' | 'score';
  scope: string;
  group: string;
  period: string;
  schools: number;
  missed: number;
  possible: number;
  values: number[];
}

const key = (...parts: string[]): string => parts.join('|');

/**
 * Summarises every sessions and score outcome of the trial's analysed schools, overall and per
 * authority, by arm and period, with disclosure control (see the module comment). Rows sorted
 * by outcome, scope (overall first), group and period.
 *
 * @example trialSummaries(trial, new Map([['absence', 'sessions']]), { threshold: 9, minSchools: 3 })
 */
export function trialSummaries(
  trial: SummaryInput,
  kinds: ReadonlyMap<string, string>,
  options: { threshold: number; minSchools: number },
): Summary[] {
  const { threshold, minSchools } = options;
  if (!Number.isInteger(minSchools) || minSchools < 1)
    throw new RangeError(`trialSummaries: minSchools must be a whole number ≥ 1, got ${minSchools}`);
  const schools = new Map(trial.schools.filter((s) => s.status === 'analysed').map((s) => [s.school_id, s]));
  const aggs = new Map<string, Aggregate>();
  for (const o of trial.outcomes) {
    const kind = kinds.get(o.outcome);
    const school = schools.get(o.school_id);
    if ((kind !== 'sessions' && kind !== 'score') || school === undefined) continue;
    for (const scope of ['overall', school.la_code]) {
      const k = key(o.outcome, scope, school.arm, o.period);
      let a = aggs.get(k);
      if (a === undefined) {
        a = {
          outcome: o.outcome,
          kind,
          scope,
          group: school.arm,
          period: o.period,
          schools: 0,
          missed: 0,
          possible: 0,
          values: [],
        };
        aggs.set(k, a);
      }
      a.schools += 1;
      if (kind === 'sessions') {
        a.missed += o.count ?? 0;
        a.possible += o.exposure ?? 0;
      } else if (o.value !== null && o.value !== undefined) a.values.push(o.value);
    }
  }

  // The overall figure of each outcome × arm × period and its authorities, once by number of
  // schools and once by sessions missed: a key hidden by either rule is withheld.
  const groupsBy = (size: (a: Aggregate) => number): DisclosureGroup[] => {
    const groups = new Map<string, DisclosureGroup>();
    for (const [k, a] of aggs) {
      const gk = key(a.outcome, a.group, a.period);
      let g = groups.get(gk);
      if (g === undefined) {
        g = { total: { key: key(a.outcome, 'overall', a.group, a.period), count: 0 }, parts: [] };
        groups.set(gk, g);
      }
      if (a.scope === 'overall') g.total.count = size(a);
      else g.parts.push({ key: k, count: size(a) });
    }
    return [...groups.values()];
  };
  const hidden = new Set([
    ...suppressedCells(
      groupsBy((a) => a.schools),
      minSchools - 1,
    ),
    ...suppressedCells(
      groupsBy((a) => (a.kind === 'sessions' ? a.missed : 0)),
      threshold,
    ),
  ]);

  const rows: Summary[] = [];
  for (const [k, a] of aggs) {
    const common = {
      study: 'trial' as const,
      outcome: a.outcome,
      scope: a.scope,
      group: a.group,
      period: a.period,
      schools: a.schools,
    };
    const withheld = hidden.has(k);
    if (a.kind === 'sessions') {
      rows.push({
        ...common,
        kind: 'sessions',
        sessionsMissed: withheld ? SUPPRESSED : a.missed,
        sessionsPossible: withheld ? SUPPRESSED : a.possible,
        percentMissed: withheld ? SUPPRESSED : round((100 * a.missed) / a.possible, 6),
      });
    } else {
      const interval = withheld ? null : meanInterval(a.values);
      rows.push({
        ...common,
        kind: 'score',
        mean: interval === null ? SUPPRESSED : round(interval.mean, 6),
        ciLow: withheld ? SUPPRESSED : interval?.low === undefined ? null : round(interval.low, 6),
        ciHigh: withheld ? SUPPRESSED : interval?.high === undefined ? null : round(interval.high, 6),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      cmp(a.outcome, b.outcome) || cmp(a.scope, b.scope) || cmp(a.group, b.group) || cmp(a.period, b.period),
  );
}

/**
 * The mean of a sample with its 95% t interval, mean ± qt(0.975, n − 1)·s/√n (s the sample
 * standard deviation), as R's t.test(x)$conf.int; no interval for a single value.
 *
 * @example meanInterval([44, 46, 48]) // { mean: 46, low: 41.0316…, high: 50.9683… }
 */
export function meanInterval(values: readonly number[]): { mean: number; low?: number; high?: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('meanInterval: values must not be empty');
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half };
}
