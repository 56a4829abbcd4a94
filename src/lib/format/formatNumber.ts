/**
 * Every number shown to a reader goes through here: British English grouping, a true minus sign
 * (U+2212) rather than a hyphen, and fixed decimals. Suppressed values print as their symbol.
 */
const cache = new Map<number, Intl.NumberFormat>();

/** Formats `value` with exactly `decimals` decimals in en-GB, e.g. 278858 → "278,858", -0.5 → "−0.5". */
export function formatNumber(value: number | string, decimals = 0): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: not a finite number: ${value}`);
  let f = cache.get(decimals);
  if (!f) {
    // signDisplay 'negative': a value that rounds to zero prints as 0, never as "−0.0".
    f = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    });
    cache.set(decimals, f);
  }
  return f.format(value).replace('-', '\u2212');
}

/** A rate ratio with its interval, e.g. "1.055 (95% CI 0.955 to 1.166)". */
export function formatRateRatio(
  e: { estimate: number; ciLow: number; ciHigh: number },
  decimals = 3,
): string {
  return `${formatNumber(e.estimate, decimals)} (95% CI ${formatNumber(e.ciLow, decimals)} to ${formatNumber(e.ciHigh, decimals)})`;
}

/**
 * A signed change with an explicit plus sign, so direction never rests on colour alone, e.g.
 * 3 → "+3.0", −7.25 → "−7.3". Zero prints without a sign.
 */
export function formatChange(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatChange: not a finite number: ${value}`);
  const text = formatNumber(value, decimals);
  return value > 0 && text !== formatNumber(0, decimals) ? `+${text}` : text;
}

/** A percentage with its sign, e.g. 16.6 → "16.6%". Symbols (suppressed values) print as they are. */
export function formatPercent(value: number | string, decimals = 1): string {
  return typeof value === 'string' ? value : `${formatNumber(value, decimals)}%`;
}

/**
 * A DfE reporting year, which ends on 31 March: 2022 → "2021–22" (en dash, as DfE writes it).
 */
export function formatReportingYear(yearEnding: number): string {
  if (!Number.isInteger(yearEnding))
    throw new RangeError(`formatReportingYear: not a whole year: ${yearEnding}`);
  return `${yearEnding - 1}–${String(yearEnding % 100).padStart(2, '0')}`;
}

/**
 * An academic year (September to August) from the calendar year it ends in, as DfE's school
 * statistics write it: 2022 → "2021/22".
 */
export function formatAcademicYear(yearEnding: number): string {
  if (!Number.isInteger(yearEnding))
    throw new RangeError(`formatAcademicYear: not a whole year: ${yearEnding}`);
  return `${yearEnding - 1}/${String(yearEnding % 100).padStart(2, '0')}`;
}

/** The decimals a number was written with, e.g. 1.3 → 1, 268 → 0 (trailing zeros are not kept). */
function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  return text.split('.')[1]?.length ?? 0;
}

/**
 * A published fact in its unit, with the precision it was published at, e.g. (268, count) →
 * "268", (1.3, percent) → "1.3%", (374000, gbp) → "£374,000", (6500000, gbp) → "£6.5 million",
 * (23, months) → "23 months".
 */
export function formatFact(value: number, unit: 'count' | 'percent' | 'gbp' | 'months'): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatFact: not a finite number: ${value}`);
  switch (unit) {
    case 'count':
      return formatNumber(value, decimalsOf(value));
    case 'percent':
      return formatPercent(value, decimalsOf(value));
    case 'months':
      return `${formatNumber(value, decimalsOf(value))} ${value === 1 ? 'month' : 'months'}`;
    case 'gbp': {
      if (value >= 1_000_000) {
        const millions = value / 1_000_000;
        return `£${formatNumber(millions, Math.min(decimalsOf(millions), 2))} million`;
      }
      return `£${formatNumber(value, decimalsOf(value) === 0 ? 0 : 2)}`;
    }
  }
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/**
 * A count in running text as GOV.UK style writes it: one to nine in words, 10 and above in figures.
 * Example: formatCountInWords(3) → 'three'; formatCountInWords(21) → '21'.
 */
export function formatCountInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`formatCountInWords: not a count: ${n}`);
  return WORDS[n] ?? formatNumber(n);
}

/**
 * A change in a count of events in words, for natural frequencies: "0.4 fewer", "1.5 more".
 * Example: formatFewerMore(-0.41) → '0.4 fewer'; formatFewerMore(1.51) → '1.5 more'.
 */
export function formatFewerMore(change: number, decimals = 1): string {
  if (!Number.isFinite(change)) throw new RangeError(`formatFewerMore: not a finite number: ${change}`);
  return change < 0 ? `${formatNumber(-change, decimals)} fewer` : `${formatNumber(change, decimals)} more`;
}

/**
 * A p-value to three decimals, or "<0.001" when it would round to 0.000: a p-value is never
 * exactly 0, and a reader should not be told it is.
 * @example formatPValue(0.0412) === '0.041'; formatPValue(4e-6) === '<0.001'
 */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`formatPValue: not a probability: ${p}`);
  return p < 0.0005 ? '<0.001' : formatNumber(p, 3);
}
