import type { GlmFamily } from './glmFamily.ts';
import {
  denseWeightedLeastSquares,
  designStructure,
  linearPredictor as sparseLinearPredictor,
  structuredWeightedLeastSquares,
} from './weightedLeastSquares.ts';
import type { DesignStructure, WlsSolution } from './weightedLeastSquares.ts';

/** Convergence settings, with the semantics of R's `glm.control`. */
export interface GlmControl {
  /** Converged when |dev − dev_old| / (|dev| + 0.1) < epsilon. Default 1e-8. */
  epsilon: number;
  /** Maximum IRLS iterations. Default 25. */
  maxit: number;
}

export const defaultGlmControl: GlmControl = { epsilon: 1e-8, maxit: 25 };

export interface GlmInput {
  /** Counts, integers ≥ 0. */
  y: readonly number[];
  /** Design matrix rows (including the intercept column). */
  X: readonly (readonly number[])[];
  /** Column names of X, in order. */
  columnNames: readonly string[];
  /** Offset on the linear-predictor scale; zeros when absent. */
  offset?: readonly number[];
  family: GlmFamily;
  /** Start on the linear-predictor scale (offset included), as R's `etastart`. */
  etaStart?: ArrayLike<number>;
  control?: Partial<GlmControl>;
}

/** A converged or unconverged IRLS fit with fixed family. */
export interface GlmFitted {
  status: 'fitted';
  family: GlmFamily;
  columnNames: readonly string[];
  coefficients: number[];
  /** Unscaled covariance (X′WX)⁻¹ from the last IRLS step's weights, as summary.glm. */
  covariance: number[][];
  standardErrors: number[];
  /**
   * μ̂, one per row. A Float64Array: its values live outside the JavaScript heap and go as soon
   * as the fit does, where an array of 120,000 numbers would wait in the heap for a full
   * collection (a negative binomial fit makes a dozen).
   */
  fitted: Float64Array;
  deviance: number;
  iterations: number;
  converged: boolean;
}

export interface GlmNotEstimable {
  status: 'not_estimable';
  reason: string;
}

export type GlmResult = GlmFitted | GlmNotEstimable;

const DOUBLE_EPS = 2.220446049250313e-16;

/**
 * What {@link fitGlm} works out from y, X and the offset before it iterates: the checks, the
 * offset as a Float64Array and the design's sparsity. fitNegativeBinomial fits the same y, X
 * and offset a dozen times (and outcomes of one design share X), so the caller prepares them
 * once and passes them in; nothing is remembered between calls.
 */
export interface GlmPrepared {
  offset: Float64Array;
  /** The design's structure (see weightedLeastSquares.ts), found on first use. */
  design: () => DesignStructure;
  /**
   * η, √w and z of the iterations, one value per row: scratch that each fit overwrites before
   * reading. Why shared: a fit made its own three, and at three times national scale a national
   * model's dozen fits left ~35 MB a model for the allocator to take back.
   */
  scratch: { eta: Float64Array; w: Float64Array; z: Float64Array };
}

/**
 * Checks y, X and the offset as fitGlm does (throwing the same RangeErrors) and prepares them
 * for any number of fits. `structureOf` finds the design's structure: a caller fitting several
 * models on one X passes one that shares it.
 */
export function prepareGlm(
  input: Pick<GlmInput, 'y' | 'X' | 'columnNames' | 'offset'>,
  structureOf: (X: GlmInput['X'], p: number) => DesignStructure = designStructure,
): GlmPrepared {
  const { y, X, columnNames } = input;
  const n = y.length;
  if (X.length !== n) throw new RangeError(`fitGlm: X has ${X.length} rows but y has ${n}`);
  const p = columnNames.length;
  if (X.some((row) => row.length !== p)) {
    throw new RangeError(`fitGlm: every row of X must have ${p} columns (columnNames)`);
  }
  if (y.some((v) => !(Number.isInteger(v) && v >= 0))) {
    throw new RangeError('fitGlm: y must be integers ≥ 0');
  }
  const offset = input.offset ?? new Array<number>(n).fill(0);
  if (offset.length !== n || !offset.every((v) => Number.isFinite(v))) {
    throw new RangeError('fitGlm: offset must be finite with one value per row of y');
  }
  let structure: DesignStructure | undefined;
  return {
    offset: new Float64Array(offset),
    design: () => (structure ??= structureOf(X, p)),
    scratch: { eta: new Float64Array(n), w: new Float64Array(n), z: new Float64Array(n) },
  };
}

function linkInverse(eta: number): number {
  return Math.max(Math.exp(eta), DOUBLE_EPS);
}

/**
 * Fits a log-link count GLM by iteratively reweighted least squares (Fisher scoring), exactly
 * as R's `glm.fit`: working response z = η − offset + (y − μ)/μ, weights w = μ²/V(μ), each step
 * solved by Householder QR of √w·X; converged when |D − D_old|/(|D| + 0.1) < ε (default
 * 1e-8, at most 25 iterations); the step is halved towards the previous coefficients while the
 * deviance is not finite (as glm.fit) or rises by more than ε relative (a safeguard that R's
 * glm.fit lacks, as in glm2). Standard errors are √diag((X′WX)⁻¹) with dispersion 1, as
 * `summary.glm` for Poisson and `summary.negbin`.
 *
 * Reference: McCullagh & Nelder (1989) Generalized Linear Models, §2.5; R Core, `glm.fit`.
 *
 * Returns `not_estimable` (never NaN) when the design is rank deficient or the fit is not finite.
 * `prepared` is {@link prepareGlm} of the same input, for a caller that fits it again.
 */
export function fitGlm(input: GlmInput, prepared: GlmPrepared = prepareGlm(input)): GlmResult {
  const { y, X, family, columnNames } = input;
  const n = y.length;
  const control = { ...defaultGlmControl, ...input.control };
  const p = columnNames.length;
  const offsetValues = prepared.offset;
  if (n < p) return { status: 'not_estimable', reason: `fewer observations (${n}) than coefficients (${p})` };
  if (y.every((v) => v === 0)) return { status: 'not_estimable', reason: 'all counts are zero' };

  // The IRLS state lives in Float64Arrays, updated in place by fused loops. Why: the plain form
  // (eta.map(…), then w, z, mu and the deviance each in its own pass over a new array) costs
  // ~1.7 µs per row per iteration, nearly all allocation and garbage collection; a national run
  // does ~4 million row-iterations in ~6,000 fits. Each element's arithmetic is unchanged, in
  // the same order, so the results are bit-for-bit those of the plain form.
  const deviance = (mu: Float64Array): number => {
    let d = 0;
    for (let i = 0; i < n; i++) d += family.unitDeviance(y[i]!, mu[i]!);
    return d;
  };
  const design = prepared.design();
  /** η = Xβ + offset into `eta`, and μ = g⁻¹(η) into `mu`. */
  const predict = (beta: readonly number[]): void => {
    sparseLinearPredictor(design, beta, offsetValues, eta);
    for (let i = 0; i < n; i++) mu[i] = linkInverse(eta[i]!);
  };
  // Each step is solved on the design's sparsity (see weightedLeastSquares.ts); when that finds
  // a column (nearly) aliased, the dense QR in the design's column order decides and names it.
  const solve = (w: Float64Array, z: Float64Array): WlsSolution => {
    const fast = structuredWeightedLeastSquares(design, w, z);
    return fast.status === 'solved' ? fast : denseWeightedLeastSquares(X, p, w, z);
  };

  const { eta, w, z } = prepared.scratch;
  for (let i = 0; i < n; i++)
    eta[i] = input.etaStart ? input.etaStart[i]! : Math.log(family.initialMu(y[i]!));
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) mu[i] = linkInverse(eta[i]!);
  let devOld = deviance(mu);
  let coefOld: number[] | null = null;
  let coef: number[] = new Array<number>(p).fill(0);
  let covarianceOf: () => number[][] = () => [];
  let converged = false;
  let iterations = 0;
  let dev = devOld;

  for (let iter = 1; iter <= control.maxit; iter++) {
    iterations = iter;
    // log link: dμ/dη = μ (bounded below by machine epsilon, as R's poisson()$mu.eta), so the
    // μ already held, g⁻¹(η), is dμ/dη as well.
    for (let i = 0; i < n; i++) {
      const m = mu[i]!;
      w[i] = Math.sqrt((m * m) / family.variance(m));
      z[i] = eta[i]! - offsetValues[i]! + (y[i]! - m) / m;
    }
    const step = solve(w, z);
    if (step.status === 'singular') {
      return {
        status: 'not_estimable',
        reason: `the design is singular: column "${columnNames[step.column]}" is constant or a combination of others`,
      };
    }
    let start = step.coefficients;
    covarianceOf = step.covariance;
    predict(start);
    dev = deviance(mu);
    // glm.fit halves while the deviance is not finite; we also halve when it rises.
    let halvings = 0;
    while (
      coefOld !== null &&
      (!Number.isFinite(dev) || dev > devOld * (1 + control.epsilon) + control.epsilon)
    ) {
      if (++halvings > control.maxit) {
        return { status: 'not_estimable', reason: 'step halving could not reduce the deviance' };
      }
      const previous: number[] = coefOld;
      start = start.map((b, j) => (b + previous[j]!) / 2);
      predict(start);
      dev = deviance(mu);
    }
    if (!Number.isFinite(dev)) return { status: 'not_estimable', reason: 'the deviance is not finite' };
    coef = start;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < control.epsilon) {
      converged = true;
      break;
    }
    devOld = dev;
    coefOld = start;
  }

  // (X′WX)⁻¹ with W from the last step, as summary.glm's chol2inv(qr$qr)
  const covariance = covarianceOf();
  const standardErrors = covariance.map((row, j) => Math.sqrt(row[j]!));
  if ([...coef, ...standardErrors].some((v) => !Number.isFinite(v))) {
    return { status: 'not_estimable', reason: 'the coefficients or standard errors are not finite' };
  }
  return {
    status: 'fitted',
    family,
    columnNames,
    coefficients: coef,
    covariance,
    standardErrors,
    fitted: mu,
    deviance: dev,
    iterations,
    converged,
  };
}
