/**
 * out/context-shares.json: official percentages per authority (and England) and year, published
 * by DfE as they are (no denominator to recompute them from). Today one measure:
 * `school_referral_percent`, the share of referrals to children's social care made by schools.
 */
import type { LaStatisticRow } from '../data/schemas.ts';

/** The percentage measures passed through to the site. */
export const SHARE_MEASURES = ['school_referral_percent'] as const;

/** One row of out/context-shares.json. */
export interface ContextShareRow {
  laCode: string;
  year: number;
  measure: string;
  /** The published percentage, or null where the source gives a symbol. */
  percent: number | null;
  /** The source's symbol (`c`, `x`, …) or null; a symbol means "not available", never zero. */
  symbol: string | null;
}

/** The percentage rows of the la-statistics table, sorted by laCode, measure, year. */
export function contextShares(rows: readonly LaStatisticRow[]): ContextShareRow[] {
  const shares = new Set<string>(SHARE_MEASURES);
  return rows
    .filter((r) => shares.has(r.measure))
    .map((r) => ({
      laCode: r.la_code,
      year: r.year,
      measure: r.measure,
      percent: typeof r.value === 'number' ? r.value : null,
      symbol: typeof r.value === 'number' ? null : r.value,
    }))
    .sort(
      (a, b) =>
        (a.laCode < b.laCode ? -1 : a.laCode > b.laCode ? 1 : 0) ||
        (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) ||
        a.year - b.year,
    );
}
