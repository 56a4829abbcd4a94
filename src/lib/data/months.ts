/**
 * Every month from `first` to `last` inclusive, as YYYY-MM strings; empty when last < first.
 * Throws a RangeError when either is not a YYYY-MM month.
 *
 * @example monthRange('2023-11', '2024-02') // ['2023-11', '2023-12', '2024-01', '2024-02']
 */
export function monthRange(first: string, last: string): string[] {
  const a = monthIndex(first, 'first');
  const b = monthIndex(last, 'last');
  const out: string[] = [];
  for (let m = a; m <= b; m += 1) {
    out.push(`${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

function monthIndex(month: string, name: string): number {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (match === null)
    throw new RangeError(`monthRange: ${name} must be a YYYY-MM month, got ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}
