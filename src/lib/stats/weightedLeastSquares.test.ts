import { describe, expect, it } from 'vitest';
import { designMatrix } from './designMatrix.ts';
import {
  denseWeightedLeastSquares,
  designStructure,
  linearPredictor,
  structuredWeightedLeastSquares,
} from './weightedLeastSquares.ts';

/** A seeded generator (mulberry32), so the designs are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A did-style design with a 30-level factor, random weights and response. */
function problem(seed: number) {
  const r = rng(seed);
  const rows = Array.from({ length: 600 }, (_, i) => {
    const group = Math.floor(i / 2) % 2;
    const post = i % 2;
    return {
      group,
      post,
      group_post: group * post,
      size: 5 + r() * 3,
      la: `la${String(Math.floor(i / 20)).padStart(2, '0')}`,
    };
  });
  const { X, columnNames } = designMatrix(rows, [
    { numeric: 'group' },
    { numeric: 'post' },
    { numeric: 'group_post' },
    { numeric: 'size' },
    { factor: 'la' },
  ]);
  const w = rows.map(() => 0.2 + r() * 3);
  const z = rows.map(() => r() * 4 - 2);
  return { X, columnNames, w, z };
}

describe('structuredWeightedLeastSquares', () => {
  it('finds the factor indicators as exclusive columns and keeps the rest dense', () => {
    const { X, columnNames } = problem(1);
    const s = designStructure(X, columnNames.length);
    expect(s.exclusive.map((j) => columnNames[j]).sort()).toEqual(
      columnNames.filter((c) => c.startsWith('la')).sort(),
    );
    expect(s.dense.map((j) => columnNames[j])).toEqual([
      '(Intercept)',
      'group',
      'post',
      'group_post',
      'size',
    ]);
  });

  it('gives the dense QR solution and covariance to 1e-10, on several random problems', () => {
    for (const seed of [1, 2, 3]) {
      const { X, columnNames, w, z } = problem(seed);
      const p = columnNames.length;
      const fast = structuredWeightedLeastSquares(designStructure(X, p), w, z);
      const dense = denseWeightedLeastSquares(X, p, w, z);
      if (fast.status !== 'solved' || dense.status !== 'solved') throw new Error('expected both to solve');
      fast.coefficients.forEach((b, j) =>
        expect(Math.abs(b - dense.coefficients[j]!)).toBeLessThan(1e-10 * Math.max(1, Math.abs(b))),
      );
      const a = fast.covariance();
      const d = dense.covariance();
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < p; j++)
          expect(Math.abs(a[i]![j]! - d[i]![j]!)).toBeLessThan(1e-10 * Math.max(1e-3, Math.abs(d[i]![i]!)));
      }
    }
  });

  it('reports a column that is a combination of others as singular', () => {
    const { X, columnNames, w, z } = problem(4);
    // Make "size" constant within each authority: then it lies in the span of the indicators.
    const la = columnNames.map((c, j) => (c.startsWith('la') ? j : -1)).filter((j) => j >= 0);
    const sizeAt = columnNames.indexOf('size');
    const aliased = X.map((row) => {
      const out = [...row];
      out[sizeAt] = 1 + la.reduce((s, j, k) => s + row[j]! * (k + 1), 0);
      return out;
    });
    const fast = structuredWeightedLeastSquares(designStructure(aliased, columnNames.length), w, z);
    expect(fast.status).toBe('singular');
    expect(denseWeightedLeastSquares(aliased, columnNames.length, w, z).status).toBe('singular');
  });

  it('computes Xβ + offset from the non-zero entries exactly as the dense sum', () => {
    const { X, columnNames } = problem(5);
    const beta = columnNames.map((_, j) => Math.sin(j + 1));
    const offset = X.map((_, i) => i / 100);
    const dense = X.map((row, i) => row.reduce((s, x, j) => s + x * beta[j]!, offset[i]!));
    expect(linearPredictor(designStructure(X, columnNames.length), beta, offset)).toEqual(dense);
  });
});
