/**
 * Natural frequencies for a school in a chosen authority (or England), from that area's real
 * published rate: the events a year expected for a school of `pupils` pupils at the area's rate
 * per 10,000 children aged 0–17 (official statistics, context.json), and the range the trial's
 * published rate ratio and its 95% interval give with the programme (see schoolFrequencies.ts).
 * The expected number assumes the school's pupils meet the measure at the area's rate for all
 * children, which every page that shows it says. The one home of this reckoning: the schools page,
 * its opening sentence and each authority page use it.
 */
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import type { RatioInterval } from '../lib/format/effectInWords.ts';
import { schoolFrequencies } from './schoolFrequencies.ts';

/** One authority's row: its latest rate and what it means for a school of the chosen size. */
export interface AuthorityFrequency {
  laCode: string;
  name: string;
  year: number;
  ratePer10k: number;
  /** Events a year expected without the programme. */
  expected: number;
  /** Events a year with the programme at the published estimate, and at the ends of its interval. */
  withEstimate: number;
  withLow: number;
  withHigh: number;
}

/**
 * The latest year in which `rows` (one area's context rows, England's for the schools page) give a
 * rate of `measure`, or null when none does (no such measure, or every year a symbol).
 */
export function latestRateYear(rows: readonly Context[], measure: string): number | null {
  const years = rows
    .filter((r) => r.measure === measure && typeof r.ratePer10k === 'number')
    .map((r) => r.year);
  return years.length === 0 ? null : Math.max(...years);
}

/**
 * What a school of `pupils` pupils would expect at a rate of `ratePer10k` per 10,000 children, and
 * with the programme at the published ratio and its interval. Throws RangeError for a rate that is
 * not above zero (schoolFrequencies).
 */
export function frequenciesAtRate(pupils: number, ratePer10k: number, published: RatioInterval) {
  // Per 10,000 children is per 1,000 pupils divided by 10.
  const f = schoolFrequencies(pupils, ratePer10k / 10, published);
  return {
    ...f,
    withEstimate: f.expected + f.change,
    withLow: f.expected + f.changeLow,
    withHigh: f.expected + f.changeHigh,
  };
}

/** One area's rate of a measure in a year, or why there is none (a symbol, or no row at all). */
export type AreaRate =
  { year: number; ratePer10k: number } | { year: number; ratePer10k: null; symbol: string | null };

/**
 * The rate of `measure` in `year` from one area's context rows: the number, or null with the
 * symbol published in its place (null when there is no row, as for an authority since replaced).
 * A rate is never guessed from another year.
 */
export function areaRate(rows: readonly Context[], measure: string, year: number): AreaRate {
  const row = rows.find((r) => r.measure === measure && r.year === year);
  if (row && typeof row.ratePer10k === 'number') return { year, ratePer10k: row.ratePer10k };
  return { year, ratePer10k: null, symbol: row?.symbol ?? null };
}

/**
 * For each authority (in the order given) with a rate above zero for `measure` in `year`, its
 * frequencies for a school of `pupils` pupils. Authorities without one that year (a symbol, or a
 * former authority) are left out; the caller says so.
 */
export function authorityFrequencies(
  authorities: readonly { laCode: string; name: string }[],
  rows: (laCode: string) => readonly Context[],
  options: { measure: string; year: number; pupils: number; published: RatioInterval },
): AuthorityFrequency[] {
  const { measure, year, pupils, published } = options;
  return authorities.flatMap((a) => {
    const rate = areaRate(rows(a.laCode), measure, year).ratePer10k;
    if (rate === null || !(rate > 0)) return [];
    const f = frequenciesAtRate(pupils, rate, published);
    return [
      {
        laCode: a.laCode,
        name: a.name,
        year,
        ratePer10k: rate,
        expected: f.expected,
        withEstimate: f.withEstimate,
        withLow: f.withLow,
        withHigh: f.withHigh,
      },
    ];
  });
}
