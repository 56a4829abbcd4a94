/**
 * CSV text (RFC 4180) for an array of flat-or-nested objects: nested objects become dotted
 * columns (`published.estimate`), null becomes an empty cell, and the header is the union of keys
 * in first-seen order. Example: toCsv([{ a: 1, b: { c: 'x' } }]) → "a,b.c\r\n1,x\r\n".
 */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r));
  const header: string[] = [];
  for (const r of flat) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  const line = (cells: unknown[]) => cells.map(csvCell).join(',') + '\r\n';
  return line(header) + flat.map((r) => line(header.map((k) => r[k]))).join('');
}

function flatten(o: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[prefix + k] = Array.isArray(v) ? v.join(';') : v;
  }
  return out;
}

/** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number as text, e.g. "-0.5" or "+1e-3": a value, not a formula, and kept as it is. */
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * One cell of a CSV download: null and undefined are empty; a value that a spreadsheet would run
 * as a formula (text starting with =, +, -, @, a tab or a carriage return, other than a plain
 * number) gets a leading apostrophe, which spreadsheets read as "this is text", as OWASP
 * recommends; then a value with a comma, a double quote or a line break is quoted (RFC 4180).
 *
 * Why neutralise here rather than refuse such text when the data are loaded: labels and source
 * titles may legitimately begin with these characters, every page already shows them as escaped
 * text, and only spreadsheets run formulas, so the danger and its cure both belong to the CSV
 * writer, which every download goes through whatever the value's origin.
 *
 * @example csvCell('=HYPERLINK("http://x")') === `"'=HYPERLINK(""http://x"")"`; csvCell(-0.5) === '-0.5'
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
