/**
 * Dates shown to a reader, in en-GB: "30 March 2023". Takes the `YYYY-MM-DD` text stored in
 * releases and frontmatter (or a Date at UTC midnight, as frontmatterDateSchema gives) and never
 * reads the clock, so the same content always renders the same bytes.
 */
const formats = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

/**
 * Formats a `YYYY-MM-DD` date or a Date as "30 March 2023" (precision "day") or "March 2023"
 * (precision "month"); throws RangeError on anything else.
 */
export function formatDate(value: string | Date, precision: 'day' | 'month' = 'day'): string {
  let date: Date;
  if (typeof value === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
      throw new RangeError(`formatDate: expected YYYY-MM-DD, found "${value}"`);
    date = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
      throw new RangeError(`formatDate: not a calendar date: "${value}"`);
  } else {
    date = value;
    if (Number.isNaN(date.getTime())) throw new RangeError('formatDate: invalid Date');
  }
  return formats[precision].format(date);
}
