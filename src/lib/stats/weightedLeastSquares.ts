import { Matrix, QrDecomposition } from 'ml-matrix';

/** Rank tolerance: a column whose R diagonal is below this share of its norm is aliased. */
export const RANK_TOLERANCE = 1e-7;

/**
 * The fast path flags a column 100× sooner than {@link RANK_TOLERANCE}, then defers to the
 * dense path: its pivot order differs from the design's, so near the threshold it could judge
 * a column differently, and only the dense path names the aliased column as R's order would.
 */
const FAST_RANK_TOLERANCE = RANK_TOLERANCE * 100;

/** One weighted least-squares step: coefficients, and the unscaled covariance on demand. */
export type WlsSolution =
  | { status: 'solved'; coefficients: number[]; covariance: () => number[][] }
  | { status: 'singular'; column: number };

/**
 * The sparsity of a design matrix that the structured solver exploits: a set of "exclusive"
 * columns no two of which are non-zero in the same row — the indicator columns of a factor,
 * such as la_code with 150 levels — and the rest, the "dense" columns. Computed once per design.
 */
export interface DesignStructure {
  n: number;
  p: number;
  /** Exclusive columns, by index into the design. */
  exclusive: number[];
  /** The other columns, in design order. */
  dense: number[];
  /** Row indices grouped by their exclusive column: rows of exclusive[k] are blockRows[blockStart[k] ..< blockStart[k+1]]; rows with none come last. */
  blockRows: Int32Array;
  blockStart: Int32Array;
  /** Row-major n × dense.length values of the dense columns, and each row's exclusive value (0 if none). */
  denseValues: Float64Array;
  exclusiveValue: Float64Array;
  /** Each row's non-zero entries, compressed by row: columns and values of row i are at rowStart[i] ..< rowStart[i+1]. */
  rowStart: Int32Array;
  rowColumns: Int32Array;
  rowValues: Float64Array;
}

/**
 * Finds the exclusive columns of X greedily, sparsest first: a column joins when none of its
 * non-zero rows is already taken by a column that joined before. Any result is correct; the
 * solver is fast when the dense columns left over are few.
 */
export function designStructure(X: readonly (readonly number[])[], p: number): DesignStructure {
  const n = X.length;
  // One row-major pass (X is an array of rows: reading it column by column misses the cache on
  // every entry) collects the non-zero entries; everything else works from those. A row that
  // is the same array as an earlier one (designMatrix shares repeated rows) is scanned once.
  const rowStart = new Int32Array(n + 1);
  const columnsOf: number[] = [];
  const valuesOf: number[] = [];
  const nonZero = new Int32Array(p);
  const scanned = new Map<readonly number[], { columns: number[]; values: number[] }>();
  for (let i = 0; i < n; i++) {
    const row = X[i]!;
    let entries = scanned.get(row);
    if (entries === undefined) {
      entries = { columns: [], values: [] };
      for (let j = 0; j < p; j++) {
        const x = row[j]!;
        if (x !== 0) {
          entries.columns.push(j);
          entries.values.push(x);
        }
      }
      scanned.set(row, entries);
    }
    for (let e = 0; e < entries.columns.length; e++) {
      columnsOf.push(entries.columns[e]!);
      valuesOf.push(entries.values[e]!);
      nonZero[entries.columns[e]!]! += 1;
    }
    rowStart[i + 1] = columnsOf.length;
  }
  const rowColumns = Int32Array.from(columnsOf);
  const rowValues = Float64Array.from(valuesOf);
  // The same entries by column: rows of column j are columnRows[columnStart[j] ..< columnStart[j+1]].
  const columnStart = new Int32Array(p + 1);
  for (let j = 0; j < p; j++) columnStart[j + 1] = columnStart[j]! + nonZero[j]!;
  const fill = columnStart.slice(0, p);
  const columnRows = new Int32Array(rowColumns.length);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) columnRows[fill[rowColumns[e]!]!++] = i;
  }

  const owner = new Int32Array(n).fill(-1);
  const exclusive: number[] = [];
  const bySparsity = Array.from({ length: p }, (_, j) => j)
    .filter((j) => nonZero[j]! > 0)
    .sort((a, b) => nonZero[a]! - nonZero[b]! || a - b);
  for (const j of bySparsity) {
    let free = true;
    for (let e = columnStart[j]!; e < columnStart[j + 1]! && free; e++) free = owner[columnRows[e]!] === -1;
    if (!free) continue;
    for (let e = columnStart[j]!; e < columnStart[j + 1]!; e++) owner[columnRows[e]!] = exclusive.length;
    exclusive.push(j);
  }
  const exclusiveIndex = new Int32Array(p).fill(-1);
  exclusive.forEach((j, k) => (exclusiveIndex[j] = k));
  const dense = Array.from({ length: p }, (_, j) => j).filter((j) => exclusiveIndex[j] === -1);
  const denseIndex = new Int32Array(p).fill(-1);
  dense.forEach((j, d) => (denseIndex[j] = d));

  // Group rows by owner with a counting sort; rows owned by no exclusive column go last.
  const blockStart = new Int32Array(exclusive.length + 2);
  for (let i = 0; i < n; i++) blockStart[(owner[i] === -1 ? exclusive.length : owner[i]!) + 1]! += 1;
  for (let k = 1; k < blockStart.length; k++) blockStart[k]! += blockStart[k - 1]!;
  const next = blockStart.slice(0, -1);
  const blockRows = new Int32Array(n);
  for (let i = 0; i < n; i++) blockRows[next[owner[i] === -1 ? exclusive.length : owner[i]!]!++] = i;

  const q = dense.length;
  const denseValues = new Float64Array(n * q);
  const exclusiveValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = rowStart[i]!; e < rowStart[i + 1]!; e++) {
      const j = rowColumns[e]!;
      if (exclusiveIndex[j] !== -1) exclusiveValue[i] = rowValues[e]!;
      else denseValues[i * q + denseIndex[j]!] = rowValues[e]!;
    }
  }
  return {
    n,
    p,
    exclusive,
    dense,
    blockRows,
    blockStart,
    denseValues,
    exclusiveValue,
    rowStart,
    rowColumns,
    rowValues,
  };
}

/**
 * Xβ + offset using only the non-zero entries of X, into `into` (a new array if absent). The sum
 * runs over columns in the same order as the dense product and skips only exact zeros, so the
 * result is bit-for-bit the same.
 */
export function linearPredictor<T extends number[] | Float64Array = number[]>(
  s: DesignStructure,
  beta: readonly number[],
  offset: ArrayLike<number>,
  into?: T,
): T {
  const eta = into ?? (new Array<number>(s.n) as T);
  for (let i = 0; i < s.n; i++) {
    let sum = offset[i]!;
    for (let e = s.rowStart[i]!; e < s.rowStart[i + 1]!; e++)
      sum += s.rowValues[e]! * beta[s.rowColumns[e]!]!;
    eta[i] = sum;
  }
  return eta;
}

/**
 * Solves min ‖W½(Xβ − z)‖ by Householder QR with the exclusive columns ordered first.
 *
 * Why: with a 150-level factor, the dense QR of a 40,000 × 154 design costs ~2np² ≈ 2 GFLOP
 * per IRLS step. An exclusive column is non-zero in one block of rows only, so its Householder
 * reflection touches only those rows and never another exclusive column: each block reduces to
 * one row of R (R_ss and R_s,dense) plus rows that no longer involve any exclusive column. What
 * is left is a tall, narrow Householder QR over the dense columns, done in place on one flat
 * buffer (ml-matrix's Matrix, one array per row, cost more than the arithmetic here). O(n·q²) for q
 * dense columns, and it is the same orthogonal factorisation, only in another column order, so
 * the solution is as accurate as the dense one. (Lawson & Hanson 1974, ch. 27 on banded and
 * block-structured least squares; Björck 1996, §6.6.)
 *
 * Returns `singular` with the first dense column (in pivot order) whose R diagonal falls below
 * the fast tolerance; callers then use {@link denseWeightedLeastSquares} for the final word.
 */
export function structuredWeightedLeastSquares(
  s: DesignStructure,
  sqrtW: ArrayLike<number>,
  z: ArrayLike<number>,
): WlsSolution {
  const { n, exclusive, dense, blockRows, blockStart, denseValues, exclusiveValue } = s;
  const m = exclusive.length;
  const q = dense.length;
  const width = q + 1; // the dense columns, then the right-hand side
  const norms = columnNorms(s, sqrtW);
  // One flat row-major buffer, reduced in place (no array per row: at national scale a step
  // touches 40,000 rows). Each block's first row, which becomes a row of R, is put after all the
  // others (at n − m + k), so the rows left for the dense stage are already together at the front
  // and nothing is moved between the stages. The buffers are scratch, reused from call to call:
  // nothing returned refers to them, and a fit solves thousands of small steps, where allocating
  // them costs more than the arithmetic.
  const work = scratch(0, n * width);
  const u = scratch(1, n); // the exclusive column's weighted values, in the same row order
  const kept = n - m; // rows for the dense stage: work rows 0 ..< kept
  for (let k = 0; k <= m; k++) {
    const from = blockStart[k]!;
    for (let t = from; t < blockStart[k + 1]!; t++) {
      const at = k < m ? (t === from ? kept + k : t - k - 1) : t - m;
      const i = blockRows[t]!;
      const w = sqrtW[i]!;
      for (let d = 0; d < q; d++) work[at * width + d] = denseValues[i * q + d]! * w;
      work[at * width + q] = z[i]! * w;
      u[at] = exclusiveValue[i]! * w;
    }
  }

  // Exclusive stage: one Householder reflection per block, H = I − 2vvᵀ/vᵀv with v = u − αe₀,
  // turns the block's first row (h) into row k of R and leaves the others free of column k.
  const rDiag = new Float64Array(m);
  const rCross = new Float64Array(m * width); // row k of R over the dense columns, then (Qᵀb)_k
  for (let k = 0; k < m; k++) {
    const h = kept + k;
    const from = blockStart[k]! - k; // the block's other rows: from ..< to
    const to = blockStart[k + 1]! - k - 1;
    const u0 = u[h]!;
    let norm2 = u0 * u0;
    for (let t = from; t < to; t++) norm2 += u[t]! * u[t]!;
    const alpha = -Math.sign(u0 || 1) * Math.sqrt(norm2);
    const v0 = u0 - alpha;
    const vv = norm2 - 2 * alpha * u0 + alpha * alpha; // ‖v‖²
    rDiag[k] = alpha;
    for (let c = 0; c < width; c++) {
      let vc = v0 * work[h * width + c]!;
      for (let t = from; t < to; t++) vc += u[t]! * work[t * width + c]!;
      const f = vv > 0 ? (2 * vc) / vv : 0;
      rCross[k * width + c] = work[h * width + c]! - f * v0;
      for (let t = from; t < to; t++) work[t * width + c]! -= f * u[t]!;
    }
  }

  // Dense stage: Householder QR of the kept rows over the q dense columns (the reduced problem).
  if (kept < q) return { status: 'singular', column: dense[kept]! };
  const rDense = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (let j = 0; j < q; j++) {
    let norm2 = 0;
    for (let t = j; t < kept; t++) norm2 += work[t * width + j]! ** 2;
    const a0 = work[j * width + j]!;
    const alpha = -Math.sign(a0 || 1) * Math.sqrt(norm2);
    const v0 = a0 - alpha;
    const vv = norm2 - 2 * alpha * a0 + alpha * alpha;
    work[j * width + j] = alpha;
    for (let c = j + 1; c < width; c++) {
      let vc = v0 * work[j * width + c]!;
      for (let t = j + 1; t < kept; t++) vc += work[t * width + j]! * work[t * width + c]!;
      const f = vv > 0 ? (2 * vc) / vv : 0;
      work[j * width + c]! -= f * v0;
      for (let t = j + 1; t < kept; t++) work[t * width + c]! -= f * work[t * width + j]!;
    }
    for (let c = j; c < q; c++) rDense[j]![c] = work[j * width + c]!;
    if (!(Math.abs(alpha) > FAST_RANK_TOLERANCE * norms[dense[j]!]!))
      return { status: 'singular', column: dense[j]! };
  }
  for (let k = 0; k < m; k++) {
    if (!(Math.abs(rDiag[k]!) > FAST_RANK_TOLERANCE * norms[exclusive[k]!]!)) {
      return { status: 'singular', column: exclusive[k]! };
    }
  }

  // Back-substitution: R_d β_d = (Qᵀb)_d, then β_k = ((Qᵀb)_k − R_k,d β_d) / R_kk.
  const betaDense = new Array<number>(q).fill(0);
  for (let j = q - 1; j >= 0; j--) {
    let sum = work[j * width + q]!;
    for (let c = j + 1; c < q; c++) sum -= rDense[j]![c]! * betaDense[c]!;
    betaDense[j] = sum / rDense[j]![j]!;
  }
  const coefficients = new Array<number>(s.p).fill(0);
  dense.forEach((j, d) => (coefficients[j] = betaDense[d]!));
  for (let k = 0; k < m; k++) {
    let sum = rCross[k * width + q]!;
    for (let d = 0; d < q; d++) sum -= rCross[k * width + d]! * betaDense[d]!;
    coefficients[exclusive[k]!] = sum / rDiag[k]!;
  }

  // (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ with R = [[Δ, B], [0, R_d]]: R⁻¹ = [[Δ⁻¹, G], [0, R_d⁻¹]], G = −Δ⁻¹BR_d⁻¹.
  const covariance = (): number[][] => {
    const rDenseInverse = invertUpperTriangular((i, j) => rDense[i]![j]!, q);
    const G = Array.from({ length: m }, (_, k) =>
      Array.from({ length: q }, (_, d) => {
        let sum = 0;
        for (let e = 0; e <= d; e++) sum += rCross[k * width + e]! * rDenseInverse[e]![d]!;
        return -sum / rDiag[k]!;
      }),
    );
    const cov = Array.from({ length: s.p }, () => new Array<number>(s.p).fill(0));
    const dot = (a: readonly number[], b: readonly number[], from = 0): number => {
      let sum = 0;
      for (let d = from; d < q; d++) sum += a[d]! * b[d]!;
      return sum;
    };
    for (let a = 0; a < m; a++) {
      for (let b = a; b < m; b++) {
        const v = (a === b ? 1 / (rDiag[a]! * rDiag[a]!) : 0) + dot(G[a]!, G[b]!);
        cov[exclusive[a]!]![exclusive[b]!] = v;
        cov[exclusive[b]!]![exclusive[a]!] = v;
      }
      for (let d = 0; d < q; d++) {
        const v = dot(G[a]!, rDenseInverse[d]!, d);
        cov[exclusive[a]!]![dense[d]!] = v;
        cov[dense[d]!]![exclusive[a]!] = v;
      }
    }
    for (let a = 0; a < q; a++) {
      for (let b = a; b < q; b++) {
        const v = dot(rDenseInverse[a]!, rDenseInverse[b]!, b);
        cov[dense[a]!]![dense[b]!] = v;
        cov[dense[b]!]![dense[a]!] = v;
      }
    }
    return cov;
  };
  return { status: 'solved', coefficients, covariance };
}

const scratchBuffers: Float64Array[] = [new Float64Array(0), new Float64Array(0)];

/** Scratch buffer `slot`, at least `length` long (grown as needed); its contents are stale. */
function scratch(slot: 0 | 1, length: number): Float64Array {
  if (scratchBuffers[slot]!.length < length) scratchBuffers[slot] = new Float64Array(length);
  return scratchBuffers[slot]!;
}

/** ‖W½X_j‖ for every column j, from the non-zero entries only. */
function columnNorms(s: DesignStructure, sqrtW: ArrayLike<number>): number[] {
  const sums = new Float64Array(s.p);
  for (let i = 0; i < s.n; i++) {
    for (let e = s.rowStart[i]!; e < s.rowStart[i + 1]!; e++) {
      const a = s.rowValues[e]! * sqrtW[i]!;
      sums[s.rowColumns[e]!]! += a * a;
    }
  }
  return Array.from(sums, Math.sqrt);
}

/**
 * The same step by dense Householder QR in the design's own column order (ml-matrix), as R's
 * glm.fit; `singular` names the first column whose R diagonal is below {@link RANK_TOLERANCE}
 * times its norm.
 */
export function denseWeightedLeastSquares(
  X: readonly (readonly number[])[],
  p: number,
  sqrtW: ArrayLike<number>,
  z: ArrayLike<number>,
): WlsSolution {
  const A = new Matrix(X.map((row, i) => row.map((x) => x * sqrtW[i]!)));
  const qr = new QrDecomposition(A);
  const R = qr.upperTriangularMatrix;
  for (let j = 0; j < p; j++) {
    const norm = Math.sqrt(A.getColumn(j).reduce((s, v) => s + v * v, 0));
    if (!(Math.abs(R.get(j, j)) > RANK_TOLERANCE * norm)) return { status: 'singular', column: j };
  }
  const coefficients = qr.solve(Matrix.columnVector(Array.from(z, (v, i) => v * sqrtW[i]!))).getColumn(0);
  const rInverse = invertUpperTriangular((i, j) => R.get(i, j), p);
  // (X′WX)⁻¹ = R⁻¹R⁻ᵀ, as summary.glm's chol2inv(qr$qr)
  const covariance = (): number[][] =>
    Array.from({ length: p }, (_, a) =>
      Array.from({ length: p }, (_, b) => {
        let s = 0;
        for (let k = Math.max(a, b); k < p; k++) s += rInverse[a]![k]! * rInverse[b]![k]!;
        return s;
      }),
    );
  return { status: 'solved', coefficients, covariance };
}

/** The inverse of a p × p upper-triangular matrix given by its entries, by back-substitution. */
function invertUpperTriangular(r: (i: number, j: number) => number, p: number): number[][] {
  const inv = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = p - 1; j >= 0; j--) {
    inv[j]![j] = 1 / r(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += r(i, k) * inv[k]![j]!;
      inv[i]![j] = -s / r(i, i);
    }
  }
  return inv;
}
