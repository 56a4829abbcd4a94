/** Month arithmetic on `YYYY-MM` strings, the only date form the data contract uses. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 for a `YYYY-MM` string; throws RangeError on anything else. */
export function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`monthIndex: expected YYYY-MM, got ${JSON.stringify(month)}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** The `YYYY-MM` string for a month index (inverse of {@link monthIndex}). */
export function monthFromIndex(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`monthFromIndex: bad index ${index}`);
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months in the inclusive window `start..end`, e.g. 2020-09..2022-07 → 23. */
export function monthsInclusive(start: string, end: string): number {
  const n = monthIndex(end) - monthIndex(start) + 1;
  if (n < 1) throw new RangeError(`monthsInclusive: window ${start}..${end} is reversed`);
  return n;
}

/**
 * Every month from `first` to `last` inclusive, as YYYY-MM strings; empty when last < first.
 * Throws a RangeError when either is not a YYYY-MM month.
 *
 * @example monthRange('2023-11', '2024-02') // ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function monthRange(first: string, last: string): string[] {
  const a = checked(first, 'first');
  const b = checked(last, 'last');
  const out: string[] = [];
  for (let m = a; m <= b; m += 1) out.push(monthFromIndex(m));
  return out;
}

function checked(month: string, name: string): number {
  if (!MONTH.test(month))
    throw new RangeError(`monthRange: ${name} must be a YYYY-MM month, got ${JSON.stringify(month)}`);
  return monthIndex(month);
}
