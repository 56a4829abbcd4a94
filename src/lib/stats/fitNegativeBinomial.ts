import { fitGlm, prepareGlm } from './fitGlm.ts';
import type { GlmFitted, GlmNotEstimable, GlmResult } from './fitGlm.ts';
import { negativeBinomialFamily, poissonFamily } from './glmFamily.ts';
import { distinctCounts, thetaMl } from './thetaMl.ts';
import type { DistinctCounts } from './thetaMl.ts';
import type { DesignStructure } from './weightedLeastSquares.ts';
import jstatPkg from 'jstat';

const { jStat } = jstatPkg;
const lnGamma = (x: number): number => jStat.gammaln(x);

export interface CountModelInput {
  y: readonly number[];
  X: readonly (readonly number[])[];
  columnNames: readonly string[];
  offset?: readonly number[];
}

/** θ above this is treated as no overdispersion: the Poisson model is reported instead. */
export const THETA_MAX = 1e4;

/** At glm.nb's alternation limit, θ counts as converged if a further step moves it less than this. */
export const ALTERNATION_RELATIVE_TOLERANCE = 1e-6;

export interface CountModelFitted extends GlmFitted {
  model: 'negative_binomial' | 'poisson';
  /** θ when `model` is negative_binomial. */
  theta?: number;
  /** Why the Poisson model was used instead of the negative binomial, if it was. */
  fallbackReason?: string;
}

export type CountModelResult = CountModelFitted | GlmNotEstimable;

/**
 * Negative binomial (NB2, log link) regression with θ by maximum likelihood, alternating with
 * IRLS exactly as `MASS::glm.nb`: a Poisson fit; θ = theta.ml(y, μ); then, while the
 * alternation count ≤ 25 and |L₀ − L|/d₁ + |Δθ|/d₂ > 1e-8 (d₁ = √(2·max(1, df.residual)),
 * d₂ = 1, L the NB log-likelihood), refit by IRLS at fixed θ started from η = log μ and update θ
 * from the previous μ. Falls back to the Poisson fit — and says why — when θ is not finite,
 * exceeds `THETA_MAX` (no overdispersion), theta.ml warns, the IRLS fit does not converge, or
 * the alternation limit is reached while θ is still moving (a further theta.ml step changes it
 * by more than `ALTERNATION_RELATIVE_TOLERANCE`, relative). L = Σ [lnΓ(θ+y) − lnΓ(θ) − lnΓ(y+1) + θ ln θ + y ln(μ + [y=0])
 * − (θ+y) ln(θ+μ)].
 *
 * Reference: Venables & Ripley (2002) Modern Applied Statistics with S, §7.4; MASS::glm.nb.
 */
export function fitNegativeBinomial(
  input: CountModelInput,
  options: { structureOf?: (X: CountModelInput['X'], p: number) => DesignStructure } = {},
): CountModelResult {
  // y, X and the offset are checked and prepared once for every fit below, and y's distinct
  // counts found once for every θ step (see fitGlm's and thetaMl's notes).
  const prepared = prepareGlm(input, options.structureOf);
  const poisson = fitGlm({ ...input, family: poissonFamily() }, prepared);
  if (poisson.status !== 'fitted') return poisson;
  const usePoisson = (reason: string): CountModelResult =>
    poisson.converged
      ? { ...poisson, model: 'poisson', fallbackReason: reason }
      : { status: 'not_estimable', reason: `the Poisson fit did not converge (${reason})` };

  const { y } = input;
  const n = y.length;
  const maxit = 25;
  const epsilon = 1e-8;
  const distinct = distinctCounts(y);
  let mu = poisson.fitted;
  let theta = thetaMl(y, mu, maxit, distinct).theta;
  if (!usableTheta(theta)) return usePoisson(thetaReason(theta));
  let fit: GlmResult = poisson;
  let thetaWarning: string | null = null;
  const d1 = Math.sqrt(2 * Math.max(1, n - input.columnNames.length));
  let del = 1;
  let lm = nbLogLik(y, mu, theta, distinct);
  let lm0 = lm + 2 * d1;
  let iter = 0;
  // Each fit starts from η = log μ of the last; one array for them all (fitGlm copies it).
  const etaStart = new Float64Array(n);
  while (++iter <= maxit && Math.abs(lm0 - lm) / d1 + Math.abs(del) > epsilon) {
    fit = fitGlm(
      {
        ...input,
        family: negativeBinomialFamily(theta),
        etaStart: logOf(mu, etaStart),
        control: { epsilon, maxit },
      },
      prepared,
    );
    if (fit.status !== 'fitted') return usePoisson(`the negative binomial fit failed: ${fit.reason}`);
    const t0 = theta;
    const next = thetaMl(y, mu, maxit, distinct);
    theta = next.theta;
    thetaWarning = next.warning;
    if (!usableTheta(theta)) return usePoisson(thetaReason(theta));
    mu = fit.fitted;
    del = t0 - theta;
    lm0 = lm;
    lm = nbLogLik(y, mu, theta, distinct);
  }
  if (fit.status !== 'fitted' || fit.family.name !== 'negative_binomial') {
    return usePoisson('the negative binomial fit did not run');
  }
  if (thetaWarning !== null) return usePoisson(`theta.ml: ${thetaWarning}`);
  if (iter > maxit) {
    // glm.nb's absolute |Δθ| < 1e-8 test can fail on rounding noise alone when θ is large, so
    // the limit counts as non-convergence only if one more θ step still moves θ (relative 1e-6).
    const again = thetaMl(y, fit.fitted, maxit, distinct);
    if (!(Math.abs(again.theta - theta) / theta < ALTERNATION_RELATIVE_TOLERANCE)) {
      return usePoisson('the θ–IRLS alternation did not converge within 25 rounds');
    }
  }
  if (!fit.converged) return usePoisson('the negative binomial IRLS did not converge');
  if (theta > THETA_MAX) return usePoisson(thetaReason(theta));
  return { ...fit, model: 'negative_binomial', theta };
}

/** log μ into `into`. */
function logOf(mu: ArrayLike<number>, into: Float64Array): Float64Array {
  for (let i = 0; i < into.length; i++) into[i] = Math.log(mu[i]!);
  return into;
}

/** As glm.nb, a large θ mid-alternation is kept (it may come back); only an unusable one stops. */
function usableTheta(theta: number): boolean {
  return Number.isFinite(theta) && theta > 0;
}

function thetaReason(theta: number): string {
  if (!Number.isFinite(theta) || theta > THETA_MAX) {
    return `no overdispersion: θ is ${Number.isFinite(theta) ? `above ${THETA_MAX}` : 'not finite'}`;
  }
  return 'θ is not positive';
}

function nbLogLik(
  y: readonly number[],
  mu: ArrayLike<number>,
  theta: number,
  distinct: DistinctCounts,
): number {
  // lnΓ(θ + y) − lnΓ(y + 1) depends on y alone: evaluated once per distinct count (see thetaMl).
  const { values, counts } = distinct;
  const n = y.length;
  let s = n * (theta * Math.log(theta) - lnGamma(theta));
  for (let k = 0; k < values.length; k++)
    s += counts[k]! * (lnGamma(theta + values[k]!) - lnGamma(values[k]! + 1));
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const mi = mu[i]!;
    s += yi * Math.log(mi + (yi === 0 ? 1 : 0)) - (theta + yi) * Math.log(theta + mi);
  }
  return s;
}
