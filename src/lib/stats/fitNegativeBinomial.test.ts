import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { designMatrix } from './designMatrix.ts';
import type { DesignTerm } from './designMatrix.ts';
import { fitGlm } from './fitGlm.ts';
import { poissonFamily } from './glmFamily.ts';
import { fitNegativeBinomial } from './fitNegativeBinomial.ts';
import { rateRatio } from './rateRatio.ts';

// Fixtures made by scripts/reference/make-fixture-data.R and scripts/reference/fit-glm.R.
const dir = join(import.meta.dirname, '../../../tests/fixtures/glm');

interface Reference {
  data: string;
  numeric: string[];
  factor: string[];
  term: string;
  model: 'negative_binomial' | 'poisson';
  theta: number | null;
  coefficients: number[];
  se: number[];
  estimate: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  poissonCoefficients: number[];
  poissonSe: number[];
}

function readCsv(file: string): Record<string, number | string>[] {
  const [header, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      names.map((name, i) => [name, name === 'la_code' ? cells[i]! : Number(cells[i])]),
    );
  });
}

function load(name: string) {
  const ref = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Reference;
  const rows = readCsv(ref.data);
  const terms: DesignTerm[] = [
    ...ref.numeric.map((numeric) => ({ numeric })),
    ...ref.factor.map((factor) => ({ factor })),
  ];
  const { X, columnNames } = designMatrix(rows, terms);
  return {
    ref,
    input: { y: rows.map((r) => r.y as number), offset: rows.map((r) => r.offset as number), X, columnNames },
  };
}

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

const fixtures = [
  'few-schools',
  'many-schools-heavy',
  'no-overdispersion',
  'many-zeros',
  'moderate',
  'moderate-unadjusted',
  'did',
  'did-overall',
];

describe('fitNegativeBinomial matches MASS::glm.nb', () => {
  it.each(fixtures)('%s: model choice, θ, rate ratio, interval and p as R', (name) => {
    const { ref, input } = load(name);
    const fit = fitNegativeBinomial(input);
    if (fit.status !== 'fitted') throw new Error(fit.reason);
    expect(fit.model).toBe(ref.model);
    if (ref.model === 'negative_binomial') expectRelative(fit.theta!, ref.theta!, 1e-5);
    else expect(fit.fallbackReason).toBeTypeOf('string');
    const rr = rateRatio(fit, ref.term);
    expectRelative(rr.estimate, ref.estimate, 1e-6);
    expectRelative(rr.ciLow, ref.ciLow, 1e-6);
    expectRelative(rr.ciHigh, ref.ciHigh, 1e-6);
    expectRelative(rr.pValue, ref.pValue, 1e-6);
    fit.coefficients.forEach((b, j) =>
      expect(Math.abs(b - ref.coefficients[j]!)).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(ref.coefficients[j]!)),
      ),
    );
    fit.standardErrors.forEach((se, j) => expectRelative(se, ref.se[j]!, 1e-6));
  });
});

describe('fitGlm (Poisson) matches glm(family = poisson)', () => {
  it.each(fixtures)('%s: coefficients and standard errors as R', (name) => {
    const { ref, input } = load(name);
    const fit = fitGlm({ ...input, family: poissonFamily() });
    if (fit.status !== 'fitted') throw new Error(fit.reason);
    expect(fit.converged).toBe(true);
    fit.coefficients.forEach((b, j) =>
      expect(Math.abs(b - ref.poissonCoefficients[j]!)).toBeLessThan(
        1e-6 * Math.max(1, Math.abs(ref.poissonCoefficients[j]!)),
      ),
    );
    fit.standardErrors.forEach((se, j) => expectRelative(se, ref.poissonSe[j]!, 1e-6));
  });
});

describe('fitNegativeBinomial says when a model cannot be estimated', () => {
  const X = [
    [1, 0],
    [1, 0],
    [1, 1],
    [1, 1],
  ];
  const columnNames = ['(Intercept)', 'arm'];
  it('reports all-zero counts as not estimable', () => {
    expect(fitNegativeBinomial({ y: [0, 0, 0, 0], X, columnNames })).toEqual({
      status: 'not_estimable',
      reason: 'all counts are zero',
    });
  });
  it('reports an empty arm (a constant column) as a singular design', () => {
    const fit = fitNegativeBinomial({ y: [1, 2, 3, 4], X: X.map(([a]) => [a!, 0]), columnNames });
    expect(fit.status).toBe('not_estimable');
    if (fit.status === 'not_estimable') expect(fit.reason).toMatch(/singular.*arm/);
  });
  it('falls back to Poisson, saying why, when there is no overdispersion', () => {
    const fit = fitNegativeBinomial({ y: [5, 5, 5, 5], X, columnNames });
    expect(fit.status).toBe('fitted');
    if (fit.status === 'fitted') {
      expect(fit.model).toBe('poisson');
      expect(fit.fallbackReason).toBeTypeOf('string');
      expect(fit.coefficients.every(Number.isFinite)).toBe(true);
    }
  });
  it('throws a RangeError naming the function for mismatched lengths', () => {
    expect(() => fitNegativeBinomial({ y: [1], X, columnNames })).toThrow(/fitGlm: X has 4 rows/);
  });
});
