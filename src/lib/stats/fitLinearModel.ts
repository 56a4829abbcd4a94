import { denseWeightedLeastSquares } from './weightedLeastSquares.ts';

export interface LinearModelInput {
  /** The response, e.g. a school's mean score. */
  y: readonly number[];
  /** Design matrix rows (including the intercept column). */
  X: readonly (readonly number[])[];
  /** Column names of X, in order. */
  columnNames: readonly string[];
}

/** An ordinary least-squares fit, with what `summary.lm` reports. */
export interface LinearModelFitted {
  status: 'fitted';
  columnNames: readonly string[];
  coefficients: number[];
  /** σ̂·√diag((X′X)⁻¹), σ̂² = RSS / df.residual, as summary.lm. */
  standardErrors: number[];
  /** n − p, as lm's df.residual. */
  dfResidual: number;
  /** σ̂, the residual standard error. */
  sigma: number;
}

export interface LinearModelNotEstimable {
  status: 'not_estimable';
  reason: string;
}

export type LinearModelResult = LinearModelFitted | LinearModelNotEstimable;

/**
 * Fits y = Xβ + ε by ordinary least squares, as R's `lm`: β from the Householder QR of X (in the
 * design's own column order, ml-matrix), σ̂² = Σ residual² / (n − p), standard errors
 * σ̂·√diag((X′X)⁻¹) = σ̂·√diag(R⁻¹R⁻ᵀ), as `summary.lm`.
 *
 * Where lm would alias a column (a rank-deficient design: its coefficient NA), this refuses the
 * fit with the same reason as the count models (fitGlm) name, so that a reader is never shown an
 * estimate from a model that is not the one described; so too with no residual degrees of
 * freedom, where lm's standard errors are NaN.
 *
 * Reference: R Core, `lm.fit` and `summary.lm`; Seber & Lee (2003) Linear Regression Analysis, §3.
 *
 * @example fitLinearModel({ y: [1, 2, 4], X: [[1, 0], [1, 1], [1, 2]], columnNames: ['(Intercept)', 'x'] }).coefficients // [0.8333…, 1.5]
 */
export function fitLinearModel(input: LinearModelInput): LinearModelResult {
  const { y, X, columnNames } = input;
  const n = y.length;
  const p = columnNames.length;
  if (X.length !== n) throw new RangeError(`fitLinearModel: X has ${X.length} rows but y has ${n}`);
  if (X.some((row) => row.length !== p))
    throw new RangeError(`fitLinearModel: every row of X must have ${p} columns (columnNames)`);
  if (y.some((v) => !Number.isFinite(v))) throw new RangeError('fitLinearModel: y must be finite numbers');
  if (n <= p)
    return {
      status: 'not_estimable',
      reason: `no residual degrees of freedom: ${n} observations for ${p} coefficients`,
    };
  const ones = new Float64Array(n).fill(1);
  const solution = denseWeightedLeastSquares(X, p, ones, y);
  if (solution.status === 'singular') {
    return {
      status: 'not_estimable',
      reason: `the design is singular: column "${columnNames[solution.column]}" is constant or a combination of others`,
    };
  }
  const beta = solution.coefficients;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += X[i]![j]! * beta[j]!;
    rss += (y[i]! - fitted) ** 2;
  }
  const dfResidual = n - p;
  const sigma = Math.sqrt(rss / dfResidual);
  const covariance = solution.covariance();
  const standardErrors = covariance.map((row, j) => sigma * Math.sqrt(row[j]!));
  if ([...beta, ...standardErrors].some((v) => !Number.isFinite(v)))
    return { status: 'not_estimable', reason: 'the coefficients or standard errors are not finite' };
  return { status: 'fitted', columnNames, coefficients: beta, standardErrors, dfResidual, sigma };
}
