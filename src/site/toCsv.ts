/**
 * CSV text (RFC 4180) for an array of flat-or-nested objects: nested objects become dotted
 * columns (`published.estimate`), null becomes an empty cell, and the header is the union of keys
 * in first-seen order. Example: toCsv([{ a: 1, b: { c: 'x' } }]) → "a,b.c\r\n1,x\r\n".
 */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const flat = rows.map((r) => flatten(r));
  const header: string[] = [];
  for (const r of flat) for (const k of Object.keys(r)) if (!header.includes(k)) header.push(k);
  const line = (cells: unknown[]) => cells.map(cell).join(',') + '\r\n';
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

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
