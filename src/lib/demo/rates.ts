/**
 * Authority-level event rates for the demonstration generator, derived from the project's
 * official context table (data/context/la-statistics.csv, long format) with documented fallbacks.
 */
import { ENGLAND_CODE as ENGLAND, type LaStatisticRow } from '../data/schemas.ts';

/** The four outcome codes the demonstration data uses. */
export type DemoOutcome = 'referral' | 's17' | 's47' | 'cla_start';

/** Outcome codes in presentation order. */
export const DEMO_OUTCOMES: readonly DemoOutcome[] = ['referral', 's17', 's47', 'cla_start'];

/** The context measure each outcome is calibrated to (per children_0_17). */
export const CONTEXT_MEASURE: Readonly<Record<DemoOutcome, string>> = {
  referral: 'referrals',
  s17: 'cin_starts',
  s47: 's47_enquiries',
  cla_start: 'cla_starts',
};

/**
 * Fallback whole-authority rates per child aged 0–17 per year, used when neither the authority
 * nor England has a usable value. Rounded England figures for 2019–2022 (DfE Characteristics of
 * children in need; Children looked after): referrals ~540, children starting an episode of need
 * ~400, Section 47 enquiries ~165, children starting to be looked after ~26, all per 10,000.
 */
export const FALLBACK_RATES: Readonly<Record<DemoOutcome, number>> = {
  referral: 540 / 10_000,
  s17: 400 / 10_000,
  s47: 165 / 10_000,
  cla_start: 26 / 10_000,
};

/** One row of data/context/la-statistics.csv, values still as text (they may be DfE symbols). */
export type ContextRow = Record<keyof LaStatisticRow, string>;

/** Rates per child per year for one authority, and where each came from. */
export interface AuthorityRates {
  rates: Record<DemoOutcome, number>;
  source: Record<DemoOutcome, 'authority' | 'england' | 'fallback'>;
}

function numeric(value: string): number | undefined {
  const v = value.trim().replaceAll(',', '');
  if (v === '' || !/^-?\d+(\.\d+)?$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function ratesFor(
  index: Map<string, number>,
  code: string,
  measure: string,
  years: readonly number[],
): number | undefined {
  const found: number[] = [];
  for (const year of years) {
    const count = index.get(`${code}|${year}|${measure}`);
    const children = index.get(`${code}|${year}|children_0_17`);
    if (count !== undefined && children !== undefined && children > 0) found.push(count / children);
  }
  if (found.length === 0) return undefined;
  return found.reduce((a, b) => a + b, 0) / found.length;
}

/**
 * Whole-authority rates per child aged 0–17 per year, averaged over the given years (years ending
 * 31 March). A missing value or DfE symbol falls back to England's rate for the same years, then
 * to FALLBACK_RATES. Never treats a symbol as zero.
 */
export function authorityRates(
  rows: readonly ContextRow[],
  laCode: string,
  years: readonly number[],
): AuthorityRates {
  const index = new Map<string, number>();
  for (const row of rows) {
    const n = numeric(row.value);
    if (n !== undefined) index.set(`${row.la_code.trim()}|${row.year.trim()}|${row.measure.trim()}`, n);
  }
  const rates = {} as Record<DemoOutcome, number>;
  const source = {} as Record<DemoOutcome, 'authority' | 'england' | 'fallback'>;
  for (const outcome of DEMO_OUTCOMES) {
    const measure = CONTEXT_MEASURE[outcome];
    const own = ratesFor(index, laCode, measure, years);
    const england = own === undefined ? ratesFor(index, ENGLAND, measure, years) : undefined;
    if (own !== undefined) {
      rates[outcome] = own;
      source[outcome] = 'authority';
    } else if (england !== undefined) {
      rates[outcome] = england;
      source[outcome] = 'england';
    } else {
      rates[outcome] = FALLBACK_RATES[outcome];
      source[outcome] = 'fallback';
    }
  }
  return { rates, source };
}
