/**
 * Authority absence from the Department for Education's "Pupil absence in schools in England"
 * (its termly local-authority file, all phases: state-funded primary, secondary and special
 * schools): for each authority (and England) and academic year with all three terms, the sessions
 * missed through absence (authorised or not), the sessions possible, and the overall absence rate,
 * 100 × missed ÷ possible, as DfE computes and rounds it from the same counts.
 *
 * DfE's termly file gives a rate per term only, so the rate of a whole year cannot be checked
 * against a DfE figure directly: the tests check every term's rate against DfE's, and every
 * year's counts against the sum of its terms. Pure: the import script reads the file.
 */
import type { Row, Statistic } from './importContext.ts';
import { dfeRound } from './ratePer10k.ts';

/** The terms of a full academic year; years with fewer (2019/20, a release's current year) are left out. */
export const TERMS = ['Autumn term', 'Spring term', 'Summer term'] as const;

/** The la-statistics measures this import writes. */
export const ABSENCE_MEASURES = ['overall_absence_percent', 'sessions_missed', 'sessions_possible'] as const;

/** DfE publishes absence rates to 5 decimal places. */
export const ABSENCE_DECIMALS = 5;

/**
 * A percentage of sessions missed, 100 × missed ÷ possible, rounded as DfE rounds its absence
 * rates: to 5 decimals, half up ({@link dfeRound}).
 *
 * @example absenceRate(234963, 3829593) // 6.13546 (DfE: Lambeth, autumn term 2024/25)
 */
export function absenceRate(missed: number, possible: number): number {
  if (!Number.isInteger(missed) || missed < 0)
    throw new RangeError(`absenceRate: missed must be a whole number 0 or more, got ${missed}`);
  if (!Number.isInteger(possible) || possible < 1)
    throw new RangeError(`absenceRate: possible must be a whole number above 0, got ${possible}`);
  return dfeRound((100 * missed) / possible, ABSENCE_DECIMALS);
}

/**
 * The academic year as the context table's `year`: the calendar year in which it ends
 * (2018/19, `201819` in DfE's files, is 2019).
 *
 * @example academicYearEnd('201819') // 2019
 */
export function academicYearEnd(timePeriod: string): number {
  if (
    !/^\d{6}$/.test(timePeriod) ||
    Number(timePeriod.slice(4)) !== (Number(timePeriod.slice(2, 4)) + 1) % 100
  )
    throw new RangeError(`academicYearEnd: expected an academic year such as "201819", got "${timePeriod}"`);
  return Number(timePeriod.slice(0, 4)) + 1;
}

/** The ONS code of a row of a DfE file (England, or an authority's current code), or null to skip it. */
export type CodeOf = (row: Row) => string | null;

const isCount = (s: string | undefined): boolean => /^\d+$/.test(s ?? '');

/**
 * The absence rows of la-statistics.csv from the termly file's rows: all phases (`Total`), each
 * authority in `codes` (under its current code, by `codeOf`) and England, each academic year with
 * its three terms, sessions summed over the terms. A year with a term whose counts are a symbol,
 * a term missing, or a term given twice (two rows mapped onto one code) is left out rather than
 * counted wrong.
 */
export function absenceStatistics(
  rows: readonly Row[],
  codeOf: CodeOf,
  codes: ReadonlySet<string>,
): Statistic[] {
  const years = new Map<
    string,
    { code: string; year: number; terms: Set<string>; missed: number; possible: number; usable: boolean }
  >();
  for (const r of rows) {
    if (r.education_phase !== 'Total') continue;
    const code = codeOf(r);
    const term = r.time_identifier ?? '';
    if (code === null || !codes.has(code) || !(TERMS as readonly string[]).includes(term)) continue;
    const year = academicYearEnd(r.time_period ?? '');
    const key = `${code} ${year}`;
    let y = years.get(key);
    if (y === undefined)
      years.set(key, (y = { code, year, terms: new Set(), missed: 0, possible: 0, usable: true }));
    if (!isCount(r.sess_overall) || !isCount(r.sess_possible) || y.terms.has(term)) y.usable = false;
    y.terms.add(term);
    y.missed += Number(r.sess_overall);
    y.possible += Number(r.sess_possible);
  }
  const out: Statistic[] = [];
  for (const y of years.values()) {
    if (!y.usable || y.terms.size !== TERMS.length || y.possible < 1) continue;
    const row = (measure: (typeof ABSENCE_MEASURES)[number], value: number) => ({
      la_code: y.code,
      year: y.year,
      measure,
      value: String(value),
    });
    out.push(
      row('overall_absence_percent', absenceRate(y.missed, y.possible)),
      row('sessions_missed', y.missed),
      row('sessions_possible', y.possible),
    );
  }
  return out;
}

/** One term of one authority as DfE published it: its counts and the rate DfE printed. */
export interface PublishedAbsenceTerm {
  la_code: string;
  time_period: string;
  term: string;
  sessions_missed: string;
  sessions_possible: string;
  published_percent: string;
}

/**
 * Every term of every authority in `codes` (and England), all phases, with DfE's own counts and
 * published rate, sorted: the fixture against which the tests check that {@link absenceRate}
 * recomputes DfE's percentages exactly as DfE rounds them.
 */
export function publishedAbsenceTerms(
  rows: readonly Row[],
  codeOf: CodeOf,
  codes: ReadonlySet<string>,
): PublishedAbsenceTerm[] {
  const out: PublishedAbsenceTerm[] = [];
  for (const r of rows) {
    const code = r.education_phase === 'Total' ? codeOf(r) : null;
    if (code === null || !codes.has(code)) continue;
    out.push({
      la_code: code,
      time_period: r.time_period ?? '',
      term: r.time_identifier ?? '',
      sessions_missed: r.sess_overall ?? '',
      sessions_possible: r.sess_possible ?? '',
      published_percent: r.sess_overall_percent ?? '',
    });
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const termIndex = (t: string) => (TERMS as readonly string[]).indexOf(t);
  return out.sort(
    (a, b) =>
      order(a.la_code, b.la_code) ||
      order(a.time_period, b.time_period) ||
      termIndex(a.term) - termIndex(b.term),
  );
}
