import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBenchmark } from './compareWithBenchmark.ts';

// Made by scripts/reference/england-benchmark.R: poisson.test(count, population / 10000)$conf.int
// at 95% and 99.8% for every count measure of every authority in the latest year of
// data/context/la-statistics.csv, against England's rate, and a few made-up counts.
interface Case {
  la_code: string;
  year: number;
  measure: string;
  count: number;
  population: number;
  benchmark: number;
  lower95: number;
  upper95: number;
  comparison95: string;
  lower998: number;
  upper998: number;
  comparison998: string;
}
const cases = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../tests/fixtures/benchmark/england-benchmark.json'), 'utf8'),
) as Case[];

const relative = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a / b - 1));

describe('compareWithBenchmark', () => {
  it('has R reference cases for hundreds of real authority counts', () => {
    expect(cases.length).toBeGreaterThan(500);
    expect(new Set(cases.map((c) => c.comparison95))).toEqual(new Set(['higher', 'similar', 'lower']));
  });

  it.each([
    [0.95, '95'],
    [0.998, '998'],
  ] as const)('gives the limits and the words R gives at %s for every case', (level, key) => {
    let worst = 0;
    const wrongWords: string[] = [];
    for (const c of cases) {
      const r = compareWithBenchmark(c.count, c.population / 10000, c.benchmark, { level });
      worst = Math.max(worst, relative(r.lower, c[`lower${key}`]), relative(r.upper, c[`upper${key}`]));
      if (r.comparison !== c[`comparison${key}`]) wrongWords.push(`${c.la_code} ${c.measure} ${c.year}`);
    }
    expect(worst).toBeLessThan(1e-9);
    expect(wrongWords).toEqual([]);
  });

  it('calls a rate similar when the benchmark sits exactly on a limit', () => {
    const { lower, upper } = compareWithBenchmark(20, 1, 0);
    expect(compareWithBenchmark(20, 1, lower).comparison).toBe('similar');
    expect(compareWithBenchmark(20, 1, upper).comparison).toBe('similar');
  });

  it('is more cautious at 99.8% than at 95%: a count can differ at one level and not the other', () => {
    // 120 events per 10 units of exposure (12.0) against a benchmark of 9.5.
    expect(compareWithBenchmark(120, 10, 9.5).comparison).toBe('higher');
    expect(compareWithBenchmark(120, 10, 9.5, { level: 0.998 }).comparison).toBe('similar');
  });

  it('can call a count of 0 lower than a benchmark, never higher', () => {
    expect(compareWithBenchmark(0, 1, 5).comparison).toBe('lower');
    expect(compareWithBenchmark(0, 1, 0).comparison).toBe('similar');
  });

  it('throws a RangeError naming the argument for a negative or non-finite benchmark', () => {
    expect(() => compareWithBenchmark(5, 1, -1)).toThrow(/compareWithBenchmark: benchmark/);
    expect(() => compareWithBenchmark(5, 1, Number.NaN)).toThrow(RangeError);
    expect(() => compareWithBenchmark(-1, 1, 1)).toThrow(/poissonExactInterval: count/);
  });
});
