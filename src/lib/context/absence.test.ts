import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { absenceRate, absenceStatistics, academicYearEnd, TERMS } from './absence.ts';
import type { Row } from './importContext.ts';

// tests/fixtures/dfe-published-absence.csv holds DfE's own termly counts and published rates for
// every authority and England, all phases; data/context/la-statistics.csv the academic years that
// npm run import-context derived from the same file. The command writes both.
function readCsv(path: string): Row[] {
  const text = readFileSync(new URL(path, import.meta.url), 'utf8');
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}
const terms = readCsv('../../../tests/fixtures/dfe-published-absence.csv');
const statistics = readCsv('../../../data/context/la-statistics.csv');

describe('absenceRate', () => {
  it('is 100 × missed ÷ possible to 5 decimals, halves rounded up, as DfE publishes it', () => {
    expect(absenceRate(234963, 3829593)).toBe(6.13546); // DfE: Lambeth, autumn term 2024/25
    expect(absenceRate(1, 8)).toBe(12.5);
    expect(absenceRate(1, 3)).toBe(33.33333);
    expect(absenceRate(2, 3)).toBe(66.66667);
    expect(absenceRate(1, 800000)).toBe(0.00013); // 0.000125 rounds up
    expect(absenceRate(0, 10)).toBe(0);
  });

  it('refuses counts that are not sessions', () => {
    expect(() => absenceRate(5, 0)).toThrow(/absenceRate: possible must be a whole number above 0, got 0/);
    expect(() => absenceRate(-1, 10)).toThrow(/absenceRate: missed/);
    expect(() => absenceRate(1.5, 10)).toThrow(/absenceRate: missed/);
  });
});

describe('academicYearEnd', () => {
  it('gives the calendar year an academic year ends in', () => {
    expect(academicYearEnd('201819')).toBe(2019);
    expect(academicYearEnd('199900')).toBe(2000);
    expect(() => academicYearEnd('2019')).toThrow(/academicYearEnd: expected an academic year/);
    expect(() => academicYearEnd('201820')).toThrow(/"201820"/);
  });
});

describe('authority absence from the DfE pupil absence release', () => {
  it('recomputes DfE’s published rate, as DfE rounds it, for every authority and England in every term', () => {
    // A term with no sessions possible has no rate to recompute (DfE prints 0): the Isles of
    // Scilly in autumn 2018/19 is the only one.
    const empty = terms.filter((t) => t.sessions_possible === '0');
    expect(empty.map((t) => `${t.la_code} ${t.time_period} ${t.term} ${t.published_percent}`)).toEqual([
      'E06000053 201819 Autumn term 0',
    ]);
    const counted = terms.filter((t) => t.sessions_possible !== '0');
    expect(counted.length).toBe(2756);
    const wrong = counted.filter(
      (t) =>
        absenceRate(Number(t.sessions_missed), Number(t.sessions_possible)) !== Number(t.published_percent),
    );
    expect(wrong).toEqual([]);
  });

  it('gives every authority and full academic year the sessions of its three terms summed, and their rate as DfE rounds it', () => {
    const sums = new Map<string, { missed: number; possible: number; terms: number }>();
    for (const t of terms) {
      const key = `${t.la_code} ${academicYearEnd(t.time_period ?? '')}`;
      const s = sums.get(key) ?? { missed: 0, possible: 0, terms: 0 };
      sums.set(key, {
        missed: s.missed + Number(t.sessions_missed),
        possible: s.possible + Number(t.sessions_possible),
        terms: s.terms + 1,
      });
    }
    const absence = new Map<string, Record<string, number>>();
    for (const r of statistics) {
      if (!['overall_absence_percent', 'sessions_missed', 'sessions_possible'].includes(r.measure ?? ''))
        continue;
      const key = `${r.la_code} ${r.year}`;
      absence.set(key, { ...absence.get(key), [r.measure!]: Number(r.value) });
    }
    // Every year with all three terms, and no other: 2019/20 (autumn only, cut short by COVID-19)
    // and 2024/25 (autumn and spring in this release) are left out.
    const full = [...sums].filter(([, s]) => s.terms === TERMS.length).map(([key]) => key);
    expect([...absence.keys()].sort()).toEqual(full.sort());
    expect(full.length).toBe(765);
    expect([...absence.keys()].some((k) => k.endsWith(' 2020') || k.endsWith(' 2025'))).toBe(false);
    for (const [key, a] of absence) {
      const s = sums.get(key)!;
      expect(a, key).toEqual({
        sessions_missed: s.missed,
        sessions_possible: s.possible,
        overall_absence_percent: absenceRate(s.missed, s.possible),
      });
    }
  });
});

describe('absenceStatistics', () => {
  const row = (term: string, missed: string, code = 'E09000022'): Row => ({
    geographic_level: 'Local authority',
    new_la_code: code,
    education_phase: 'Total',
    time_period: '202223',
    time_identifier: term,
    sess_overall: missed,
    sess_possible: '1000',
  });
  const codeOf = (r: Row) => r.new_la_code ?? null;
  const codes = new Set(['E09000022']);

  it('sums the three terms of an academic year, all phases, for the authorities asked for', () => {
    const rows = [row('Autumn term', '50'), row('Spring term', '60'), row('Summer term', '70')];
    expect(
      absenceStatistics(
        [
          ...rows,
          { ...row('Autumn term', '999'), education_phase: 'State-funded secondary' },
          row('Autumn term', '5', 'E09000033'),
        ],
        codeOf,
        codes,
      ),
    ).toEqual([
      { la_code: 'E09000022', year: 2023, measure: 'overall_absence_percent', value: '6' },
      { la_code: 'E09000022', year: 2023, measure: 'sessions_missed', value: '180' },
      { la_code: 'E09000022', year: 2023, measure: 'sessions_possible', value: '3000' },
    ]);
  });

  it('leaves out a year with a term given as a symbol, a term missing or a term given twice', () => {
    const year = (...rows: Row[]) => absenceStatistics(rows, codeOf, codes);
    expect(year(row('Autumn term', '50'), row('Spring term', 'c'), row('Summer term', '70'))).toEqual([]);
    expect(year(row('Autumn term', '50'), row('Spring term', '60'))).toEqual([]);
    expect(
      year(
        row('Autumn term', '50'),
        row('Spring term', '60'),
        row('Spring term', '60'),
        row('Summer term', '70'),
      ),
    ).toEqual([]);
  });
});
