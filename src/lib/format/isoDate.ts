/**
 * Dates written by people (frontmatter, `--date` on the command line) are ISO `YYYY-MM-DD` only.
 * Anything else is refused with the ISO form of what was probably meant, because the other
 * forms are ambiguous: JavaScript's Date reads `01/12/2026` the American way (12 January), where
 * a British researcher means 1 December. Pure: never reads the clock.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const long = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** True for `YYYY-MM-DD` text naming a day of the calendar (`2023-02-30` is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function iso(year: number, month: number, day: number): string | null {
  if (!isCalendarDay(year, month, day) || year < 1000) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | null {
  const n = name.toLowerCase().replace(/\.$/, '');
  if (n.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(n));
  return i < 0 ? null : i + 1;
}

/**
 * The ISO `YYYY-MM-DD` form of what a date written another way probably means, or null when it
 * cannot tell. Day/month/year numbers are read day first, as written in the UK, unless the
 * first number cannot be a day's month partner (`12/31/2026` can only be 31 December).
 *
 * @example suggestIsoDate('01/12/2026') === '2026-12-01'; suggestIsoDate('1 Dec 2026') === '2026-12-01'
 */
export function suggestIsoDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(t);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return a <= 12 && b > 12 ? iso(year, a, b) : iso(year, b, a);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]+\.?),?[ -](\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2]!);
    return month === null ? null : iso(Number(m[3]), month, Number(m[1]));
  }
  m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]!);
    return month === null ? null : iso(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

/** A date that is not ISO: what was found and what to do, for a message. */
export interface DateRefusal {
  /** Always "a date written YYYY-MM-DD". */
  expected: string;
  /** The value as found, quoted, with why it is not a date when it has the ISO shape. */
  found: string;
  /** "If you meant 1 December 2026, write 2026-12-01." or a general instruction. */
  hint: string;
}

/**
 * Checks a date as a person wrote it: text, or a Date as YAML gives for an unquoted
 * `date: 2026-12-01` (midnight UTC). Returns the `YYYY-MM-DD` text, or what to tell them.
 */
export function readIsoDate(value: unknown): { ok: true; iso: string } | { ok: false; refusal: DateRefusal } {
  const expected = 'a date written YYYY-MM-DD';
  let text: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      return { ok: false, refusal: { expected, found: 'an invalid date', hint: 'Write it as 2026-12-01.' } };
    const day = value.toISOString().slice(0, 10);
    if (value.getTime() === Date.parse(`${day}T00:00:00Z`)) return { ok: true, iso: day };
    text = value.toISOString();
  } else if (typeof value === 'string') {
    if (isIsoDate(value)) return { ok: true, iso: value };
    text = value;
  } else {
    const found =
      value === undefined
        ? 'nothing (the field is missing)'
        : value === null
          ? 'nothing'
          : JSON.stringify(value);
    return { ok: false, refusal: { expected, found, hint: 'Write it as 2026-12-01.' } };
  }
  if (ISO.test(text))
    return {
      ok: false,
      refusal: { expected, found: `${JSON.stringify(text)}, which is not a day of the calendar`, hint: '' },
    };
  const meant = suggestIsoDate(text);
  const hint =
    meant === null
      ? 'Write the year, month and day as numbers, such as 2026-12-01 for 1 December 2026.'
      : `If you meant ${long.format(new Date(`${meant}T00:00:00Z`))}, write ${meant}.`;
  return { ok: false, refusal: { expected, found: JSON.stringify(text), hint } };
}

/** One sentence refusing a date: `expected a date written YYYY-MM-DD, found "01/12/2026". If …` */
export function dateRefusalSentence(r: DateRefusal): string {
  return `expected ${r.expected}, found ${r.found}.${r.hint === '' ? '' : ` ${r.hint}`}`;
}
