import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import Papa from 'papaparse';
import { cellKey, type SchoolLevelTruth } from './schoolLevelTruth.ts';

/**
 * Audits a built site for disclosure, from the outside: it reads every file in `dist/` and asks
 * what a reader could learn, rather than trusting src/lib/results/disclosure.ts. It finds
 *
 * - any school id, anywhere in any text file (or file name);
 * - any published cell (a row with study, outcome, scope, group and period, in any JSON or CSV
 *   the site ships, or JSON embedded in a page) whose true count is 1 to `threshold` but whose
 *   count, rate or interval is shown; a count shown as `c` with its rate or interval shown (the
 *   count is then rate × pupil-years); a change row with exactly one of before, after and change
 *   withheld;
 * - a withheld authority cell that a published overall total and the other authorities' cells
 *   give away by subtraction;
 * - the exact rate of a small cell anywhere else in the output (a chart or page built from the
 *   unsuppressed numbers).
 */
export interface Finding {
  file: string;
  message: string;
}

type Row = Record<string, unknown>;
const TEXT = new Set([
  '.html',
  '.htm',
  '.json',
  '.csv',
  '.xml',
  '.txt',
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.md',
  '.webmanifest',
  '',
]);
const SUPPRESSED = 'c';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(dir.length + 1)
        .split('\\')
        .join('/'),
    )
    .sort();
}

const isShown = (v: unknown) => v !== SUPPRESSED && v !== null && v !== undefined && v !== '';
const isRateRow = (r: Row) => ['study', 'outcome', 'scope', 'group', 'period', 'count'].every((k) => k in r);
const isChangeRow = (r: Row) =>
  ['study', 'outcome', 'scope', 'group', 'from', 'to', 'rateBefore', 'rateAfter', 'change'].every(
    (k) => k in r,
  );

/** Objects anywhere in a parsed JSON value that look like table rows. */
function rowsIn(value: unknown, out: Row[] = []): Row[] {
  if (Array.isArray(value)) for (const v of value) rowsIn(v, out);
  else if (value && typeof value === 'object') {
    out.push(value as Row);
    for (const v of Object.values(value)) if (v && typeof v === 'object') rowsIn(v, out);
  }
  return out;
}

/** The rows a file carries: parsed JSON, CSV with a header, or JSON embedded in a page. */
function tableRows(file: string, text: string): Row[] {
  const ext = extname(file);
  if (ext === '.json') return rowsIn(JSON.parse(text));
  if (ext === '.csv') {
    const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    return parsed.data;
  }
  if (ext === '.html' || ext === '.htm') {
    const rows: Row[] = [];
    for (const m of text.matchAll(
      /<script\b[^>]*type="application\/(?:ld\+)?json"[^>]*>([\s\S]*?)<\/script>/g,
    ))
      rows.push(...rowsIn(JSON.parse(m[1]!)));
    return rows;
  }
  return [];
}

/** Audits `distDir` against the school-level truth; returns every finding (none means clean). */
export function auditDisclosure(distDir: string, truth: SchoolLevelTruth, threshold: number): Finding[] {
  const findings: Finding[] = [];
  const small = (n: number | undefined) => n !== undefined && n >= 1 && n <= threshold;
  const ids = [...new Set(truth.schoolIds)].sort((a, b) => b.length - a.length);
  const idPattern = ids.length
    ? new RegExp(
        `(?<![A-Za-z0-9])(${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9])`,
        'g',
      )
    : null;

  // Fingerprints of small cells: their rate per 1,000 as the results JSON would print it. Only
  // rates with at least four decimals are distinctive enough to search for in free text.
  const fingerprints: { key: string; text: string }[] = [];
  for (const [key, count] of truth.cells) {
    if (!small(count)) continue;
    const text = String(Math.round((count / truth.years.get(key)!) * 1000 * 1e6) / 1e6);
    if (/\.\d{4,}$/.test(text)) fingerprints.push({ key, text });
  }
  const files = filesUnder(distDir);
  const texts = new Map<string, string>();
  for (const file of files)
    if (TEXT.has(extname(file).toLowerCase())) texts.set(file, readFileSync(join(distDir, file), 'utf8'));

  for (const [file, text] of texts) {
    if (idPattern) {
      const found = new Set([...text.matchAll(idPattern)].map((m) => m[1]));
      for (const id of found) findings.push({ file, message: `school id "${id}" appears` });
    }
    let rows: Row[];
    try {
      rows = tableRows(file, text);
    } catch (e) {
      findings.push({ file, message: `cannot be read to audit it: ${(e as Error).message}` });
      continue;
    }
    // An archived release (data/releases/, served under /releases/) was computed from the data
    // of its day, not today's school-level files, so it is audited on what it shows by itself.
    if (/^releases[\\/]/.test(file)) auditArchivedRows(file, rows);
    else auditRows(file, rows);
  }
  if (idPattern)
    for (const file of files)
      for (const m of file.matchAll(idPattern))
        findings.push({ file, message: `school id "${m[1]}" appears in the file name` });

  for (const f of fingerprints)
    for (const [file, text] of texts)
      if (!file.endsWith('.json') && !file.endsWith('.csv') && text.includes(f.text))
        findings.push({ file, message: `the rate ${f.text} of withheld cell ${f.key} appears` });
  return findings;

  function auditArchivedRows(file: string, rows: Row[]): void {
    const rates = rows.filter(isRateRow);
    const keyOf = (r: Row) =>
      cellKey(String(r.study), String(r.outcome), String(r.scope), String(r.group), String(r.period));
    for (const r of rates) {
      const shown = ['count', 'ratePer1000', 'ciLow', 'ciHigh'].filter((k) => k in r && isShown(r[k]));
      if (typeof r.count === 'number' && small(r.count))
        findings.push({
          file,
          message: `archived cell ${keyOf(r)} shows a count of ${r.count}, 1 to ${threshold}`,
        });
      if (r.count === SUPPRESSED && shown.length > 0)
        findings.push({
          file,
          message: `archived cell ${keyOf(r)} withholds its count but shows ${shown.join(', ')}, from which the count can be worked out`,
        });
    }
    // Subtraction within the file: a total shown with exactly one of its authority parts withheld.
    for (const t of rates.filter((r) => r.scope === 'overall' && isShown(r.count))) {
      const parts = rates.filter(
        (r) =>
          r.scope !== 'overall' &&
          r.study === t.study &&
          r.outcome === t.outcome &&
          r.group === t.group &&
          r.period === t.period,
      );
      const hidden = parts.filter((r) => r.count === SUPPRESSED);
      if (hidden.length === 1)
        findings.push({
          file,
          message: `archived cell ${keyOf(hidden[0]!)} is withheld but equals the total ${String(t.count)} minus the other authorities' published counts`,
        });
    }
  }

  function auditRows(file: string, rows: Row[]): void {
    const rates = rows.filter(isRateRow);
    for (const r of rates) {
      const key = cellKey(
        ...(['study', 'outcome', 'scope', 'group', 'period'].map((k) => String(r[k])) as [
          string,
          string,
          string,
          string,
          string,
        ]),
      );
      const truthCount = truth.cells.get(key);
      const valueFields = ['count', 'ratePer1000', 'ciLow', 'ciHigh'].filter((k) => k in r);
      const shown = valueFields.filter((k) => isShown(r[k]));
      if (small(truthCount)) {
        if (shown.length > 0)
          findings.push({
            file,
            message: `cell ${key} has a count of 1 to ${threshold} but shows ${shown.map((k) => `${k} ${String(r[k])}`).join(', ')}`,
          });
      }
      if (r.count === SUPPRESSED && shown.length > 0)
        findings.push({
          file,
          message: `cell ${key} withholds its count but shows ${shown.join(', ')}, from which the count can be worked out`,
        });
    }

    // Subtraction: an overall total shown with exactly one of its authority parts withheld. An
    // authority the truth has but the file leaves out counts as withheld.
    const totals = rates.filter((r) => r.scope === 'overall' && isShown(r.count));
    for (const t of totals) {
      const prefix = `${String(t.study)}|${String(t.outcome)}|`;
      const suffix = `|${String(t.group)}|${String(t.period)}`;
      const parts = [...truth.cells.keys()].filter(
        (k) => k.startsWith(prefix) && k.endsWith(suffix) && !k.includes('|overall|'),
      );
      const published = new Map(
        rates
          .filter((r) => r.scope !== 'overall')
          .map((r) => [
            cellKey(String(r.study), String(r.outcome), String(r.scope), String(r.group), String(r.period)),
            r,
          ]),
      );
      const hidden = parts.filter((k) => !isShown(published.get(k)?.count));
      if (hidden.length === 1 && truth.cells.get(hidden[0]!)! > 0)
        findings.push({
          file,
          message: `cell ${hidden[0]} is withheld but equals the total ${String(t.count)} minus the other authorities' published counts`,
        });
    }

    for (const r of rows.filter(isChangeRow)) {
      const base = [String(r.study), String(r.outcome), String(r.scope), String(r.group)] as const;
      const where = `change ${base.join('|')} ${String(r.from)}→${String(r.to)}`;
      const withheld = ['rateBefore', 'rateAfter', 'change'].filter((k) => !isShown(r[k]));
      if (withheld.length === 1)
        findings.push({
          file,
          message: `${where} withholds only ${withheld[0]}, which the other two give away`,
        });
      for (const [field, period] of [
        ['rateBefore', r.from],
        ['rateAfter', r.to],
      ] as const)
        if (isShown(r[field]) && small(truth.cells.get(cellKey(...base, String(period)))))
          findings.push({
            file,
            message: `${where} shows ${field} ${String(r[field])} for a count of 1 to ${threshold}`,
          });
    }
  }
}
