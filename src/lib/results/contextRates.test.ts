import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { dfeRound } from '../context/ratePer10k.ts';
import { parseCsvFile } from '../data/parseCsv.ts';
import { laStatisticSchema } from '../data/schemas.ts';
import { contextRates } from './contextRates.ts';

const root = join(import.meta.dirname, '../../..');

test('context.json rates equal DfE published rates for every authority, year and measure where both exist', () => {
  const stats = parseCsvFile(
    'la-statistics.csv',
    readFileSync(join(root, 'data/context/la-statistics.csv'), 'utf8'),
    laStatisticSchema,
  );
  expect(stats.problems).toEqual([]);
  const rows = contextRates(stats.rows);
  const byKey = new Map(rows.map((r) => [`${r.laCode}|${r.year}|${r.measure}`, r]));
  const published = Papa.parse<Record<string, string>>(
    readFileSync(join(root, 'tests/fixtures/dfe-published-rates.csv'), 'utf8'),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
  let checked = 0;
  const mismatches: string[] = [];
  for (const p of published) {
    const row = byKey.get(`${p.la_code}|${p.year}|${p.measure}`);
    if (!row || row.ratePer10k === null) continue;
    checked++;
    const ours = dfeRound(row.ratePer10k, Number(p.decimals));
    if (ours !== Number(p.published_rate))
      mismatches.push(`${p.la_code} ${p.year} ${p.measure}: ours ${ours}, DfE ${p.published_rate}`);
  }
  expect(mismatches).toEqual([]);
  expect(checked).toBeGreaterThan(5000);
  expect(checked).toBe(published.length);
});

test('each row carries the children its rate divides by; a DfE symbol gives null, never zero', () => {
  const rows = contextRates([
    { la_code: 'E09000022', year: 2020, measure: 's47_enquiries', value: 'c' },
    { la_code: 'E09000022', year: 2020, measure: 'children_0_17', value: 60000 },
    { la_code: 'E09000022', year: 2021, measure: 's47_enquiries', value: 600 },
    { la_code: 'E09000022', year: 2021, measure: 'children_0_17', value: 'x' },
    { la_code: 'E09000022', year: 2022, measure: 's47_enquiries', value: 600 },
    { la_code: 'E09000022', year: 2022, measure: 'children_0_17', value: 60000 },
  ]);
  expect(rows).toEqual([
    {
      laCode: 'E09000022',
      year: 2020,
      measure: 's47_enquiries',
      value: null,
      symbol: 'c',
      ratePer10k: null,
      children: 60000,
    },
    {
      laCode: 'E09000022',
      year: 2021,
      measure: 's47_enquiries',
      value: 600,
      symbol: null,
      ratePer10k: null,
      children: null,
    },
    {
      laCode: 'E09000022',
      year: 2022,
      measure: 's47_enquiries',
      value: 600,
      symbol: null,
      ratePer10k: 100,
      children: 60000,
    },
  ]);
});

test("each authority's rate is compared with England's as R compares them, for every count measure of the latest year", () => {
  const stats = parseCsvFile(
    'la-statistics.csv',
    readFileSync(join(root, 'data/context/la-statistics.csv'), 'utf8'),
    laStatisticSchema,
  );
  const byKey = new Map(contextRates(stats.rows).map((r) => [`${r.laCode}|${r.year}|${r.measure}`, r]));
  // Made by scripts/reference/england-benchmark.R (poisson.test at 95% and 99.8%).
  const reference = (
    JSON.parse(readFileSync(join(root, 'tests/fixtures/benchmark/england-benchmark.json'), 'utf8')) as {
      la_code: string;
      year: number;
      measure: string;
      comparison95: string;
      comparison998: string;
    }[]
  ).filter((c) => c.la_code !== 'made-up');
  const differing = reference.filter((c) => {
    const ours = byKey.get(`${c.la_code}|${c.year}|${c.measure}`)?.comparedWithEngland;
    return ours?.comparison95 !== c.comparison95 || ours.comparison998 !== c.comparison998;
  });
  expect(reference.length).toBeGreaterThan(500);
  expect(differing).toEqual([]);
});

test('England, a symbol, a missing population and a missing England rate leave a row uncompared', () => {
  const rows = contextRates([
    { la_code: 'E92000001', year: 2022, measure: 's47_enquiries', value: 200000 },
    { la_code: 'E92000001', year: 2022, measure: 'children_0_17', value: 12000000 },
    { la_code: 'E09000022', year: 2022, measure: 's47_enquiries', value: 'c' },
    { la_code: 'E09000022', year: 2022, measure: 'children_0_17', value: 60000 },
    { la_code: 'E09000022', year: 2022, measure: 'referrals', value: 3000 },
    { la_code: 'E09000028', year: 2022, measure: 's47_enquiries', value: 1500 },
    { la_code: 'E09000028', year: 2022, measure: 'children_0_17', value: 'x' },
    { la_code: 'E09000030', year: 2022, measure: 's47_enquiries', value: 1500 },
    { la_code: 'E09000030', year: 2022, measure: 'children_0_17', value: 60000 },
  ]);
  const compared = (la: string, measure: string) =>
    rows.find((r) => r.laCode === la && r.measure === measure)?.comparedWithEngland;
  expect(compared('E92000001', 's47_enquiries')).toBeUndefined();
  expect(compared('E09000022', 's47_enquiries')).toBeUndefined();
  expect(compared('E09000022', 'referrals')).toBeUndefined(); // England has no referrals row
  expect(compared('E09000028', 's47_enquiries')).toBeUndefined();
  // 1,500 in 60,000 is 250 per 10,000 against England's 166.7: higher at both levels.
  expect(compared('E09000030', 's47_enquiries')).toMatchObject({
    comparison95: 'higher',
    comparison998: 'higher',
  });
});
