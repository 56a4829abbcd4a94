import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLD } from '../src/lib/results/disclosure.ts';
import { auditDisclosure, filesUnder } from './disclosure/auditDisclosure.ts';
import { cellKey, schoolLevelTruth, type SchoolLevelTruth } from './disclosure/schoolLevelTruth.ts';

// scripts/test.mjs builds before the tests, so dist/ is the site built from data/: this audit runs
// in CI after the build, over every file the site ships.
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const threshold = Math.max(
  DEFAULT_THRESHOLD,
  JSON.parse(readFileSync(join(dist, 'data/dataset.json'), 'utf8')).disclosureThreshold as number,
);
let truth: SchoolLevelTruth;
const scratch = mkdtempSync(join(tmpdir(), 'swis-disclosure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => {
  truth = schoolLevelTruth(join(root, 'data'));
});

type RateRow = Record<string, string | number>;
const keyOf = (r: RateRow) =>
  cellKey(String(r.study), String(r.outcome), String(r.scope), String(r.group), String(r.period));

/** A copy of dist/ to doctor; every test gets its own. */
function copyOfDist(name: string): string {
  const dir = join(scratch, name);
  cpSync(dist, dir, { recursive: true });
  return dir;
}
const editJson = (file: string, edit: (rows: RateRow[]) => void) => {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as RateRow[];
  edit(rows);
  writeFileSync(file, JSON.stringify(rows, null, 2));
};

test('the built site discloses nothing: no school id, no small count, nothing recoverable', () => {
  const findings = auditDisclosure(dist, truth, threshold);
  expect(findings).toEqual([]);
  // The audit looked at real material: every file the site ships, school ids, small cells.
  expect(filesUnder(dist).length).toBeGreaterThan(150);
  expect(truth.schoolIds.length).toBeGreaterThan(300);
  expect([...truth.cells.values()].filter((n) => n >= 1 && n <= threshold).length).toBeGreaterThan(10);
});

describe('the audit fails on doctored output', () => {
  let rates: RateRow[];
  let primary: RateRow;
  let secondary: RateRow;
  beforeAll(() => {
    rates = JSON.parse(readFileSync(join(dist, 'data/rates.json'), 'utf8'));
    const small = (r: RateRow) => {
      const n = truth.cells.get(keyOf(r));
      return n !== undefined && n >= 1 && n <= threshold;
    };
    primary = rates.find((r) => r.count === 'c' && small(r))!;
    // A cell withheld only so that a small one cannot be worked out: the secondary rule at work,
    // in a group where it is the only other withheld part.
    const groups = new Map<string, RateRow[]>();
    for (const r of rates.filter((x) => x.scope !== 'overall')) {
      const k = `${r.study}|${r.outcome}|${r.group}|${r.period}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    secondary = [...groups.values()]
      .filter((g) => g.filter((r) => r.count === 'c').length === 2)
      .flatMap((g) => g.filter((r) => r.count === 'c' && !small(r)))[0]!;
    expect(primary, 'the demonstration data has a small cell').toBeDefined();
    expect(secondary, 'the demonstration data exercises the secondary rule').toBeDefined();
  });

  test('a school id in a page', () => {
    const dir = copyOfDist('school-id');
    const page = join(dir, 'findings/trial/index.html');
    const id = truth.schoolIds[17]!;
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('</main>', `<p>Example: school ${id}.</p></main>`),
    );
    expect(auditDisclosure(dir, truth, threshold)).toEqual([
      { file: 'findings/trial/index.html', message: `school id "${id}" appears` },
    ]);
  });

  test('a small count shown in the downloadable JSON and CSV', () => {
    const dir = copyOfDist('small-count');
    const n = truth.cells.get(keyOf(primary))!;
    editJson(join(dir, 'data/rates.json'), (rows) => {
      rows.find((r) => keyOf(r) === keyOf(primary))!.count = n;
    });
    const csv = join(dir, 'data/rates.csv');
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    const header = lines[0]!.split(',');
    const at = lines.findIndex((l) => {
      const cells = l.split(',');
      const row = Object.fromEntries(header.map((h, i) => [h, cells[i]!]));
      return l !== lines[0] && keyOf(row) === keyOf(primary);
    });
    lines[at] = lines[at]!.split(',')
      .map((c, i) => (header[i] === 'count' ? String(n) : c))
      .join(',');
    writeFileSync(csv, lines.join('\r\n'));
    const messages = auditDisclosure(dir, truth, threshold).map((f) => `${f.file}: ${f.message}`);
    expect(messages).toContain(
      `data/rates.json: cell ${keyOf(primary)} has a count of 1 to ${threshold} but shows count ${n}`,
    );
    expect(messages).toContain(
      `data/rates.csv: cell ${keyOf(primary)} has a count of 1 to ${threshold} but shows count ${n}`,
    );
  });

  test('a withheld count whose rate is shown', () => {
    const dir = copyOfDist('rate-shown');
    editJson(join(dir, 'data/rates.json'), (rows) => {
      rows.find((r) => keyOf(r) === keyOf(secondary))!.ratePer1000 = 1.5;
    });
    expect(auditDisclosure(dir, truth, threshold).map((f) => f.message)).toContain(
      `cell ${keyOf(secondary)} withholds its count but shows ratePer1000, from which the count can be worked out`,
    );
  });

  test('a withheld cell recoverable by subtraction from the published total', () => {
    const dir = copyOfDist('subtraction');
    editJson(join(dir, 'data/rates.json'), (rows) => {
      const r = rows.find((x) => keyOf(x) === keyOf(secondary))!;
      r.count = truth.cells.get(keyOf(secondary))!;
    });
    const messages = auditDisclosure(dir, truth, threshold).map((f) => f.message);
    expect(
      messages.some((m) =>
        /^cell \S+ is withheld but equals the total \d+ minus the other authorities' published counts$/.test(
          m,
        ),
      ),
    ).toBe(true);
  });

  test('a change that gives away a withheld rate', () => {
    const dir = copyOfDist('change');
    let where = '';
    editJson(join(dir, 'data/changes.json'), (rows) => {
      const r = rows.find((x) => x.rateBefore === 'c' && x.rateAfter !== 'c')!;
      r.change = 0.5;
      where = `change ${r.study}|${r.outcome}|${r.scope}|${r.group} ${r.from}→${r.to}`;
    });
    expect(auditDisclosure(dir, truth, threshold).map((f) => f.message)).toContain(
      `${where} withholds only rateBefore, which the other two give away`,
    );
  });

  test('the exact rate of a small cell in a page (a chart drawn from unsuppressed numbers)', () => {
    const dir = copyOfDist('fingerprint');
    const [key, n] = [...truth.cells].find(
      ([k, c]) =>
        c >= 1 &&
        c <= threshold &&
        /\.\d{4,}$/.test(String(Math.round((c / truth.years.get(k)!) * 1e9) / 1e6)),
    )!;
    const rate = String(Math.round((n / truth.years.get(key)!) * 1e9) / 1e6);
    const page = join(dir, 'index.html');
    writeFileSync(
      page,
      readFileSync(page, 'utf8').replace('</main>', `<svg><circle data-value="${rate}"/></svg></main>`),
    );
    expect(auditDisclosure(dir, truth, threshold)).toContainEqual({
      file: 'index.html',
      message: `the rate ${rate} of withheld cell ${key} appears`,
    });
  });
});
