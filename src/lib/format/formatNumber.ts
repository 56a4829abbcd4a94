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
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
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
