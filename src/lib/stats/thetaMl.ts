import { digamma } from './digamma.ts';
import { trigamma } from './trigamma.ts';

export interface ThetaMlResult {
  theta: number;
  /** √(1/information) at the last Newton step, as attr(, "SE"). */
  se: number;
  /** MASS's warning, if any: "estimate truncated at zero" or "iteration limit reached". */
  warning: string | null;
}

/**
 * Maximum-likelihood θ of a negative binomial (NB2) for fixed means μ, exactly as
 * `MASS::theta.ml`: start θ₀ = n / Σ (yᵢ/μᵢ − 1)², then Newton steps θ ← |θ| + U(θ)/I(θ) with
 * score U = Σ [ψ(θ + y) − ψ(θ) + log θ + 1 − log(θ + μ) − (y + θ)/(μ + θ)] and information
 * I = Σ [−ψ′(θ + y) + ψ′(θ) − 1/θ + 2/(μ + θ) − (y + θ)/(μ + θ)²], while fewer than `limit`
 * iterations and |step| > ε^¼ (ε = 2.22e-16).
 *
 * Reference: Venables & Ripley (2002) Modern Applied Statistics with S, §7.4; MASS source.
 */
export function thetaMl(
  y: readonly number[],
  mu: ArrayLike<number>,
  limit = 25,
  distinct: DistinctCounts = distinctCounts(y),
): ThetaMlResult {
  if (y.length !== mu.length || y.length === 0) {
    throw new RangeError('thetaMl: y and mu must be non-empty and the same length');
  }
  const n = y.length;
  // The terms in ψ(θ + y) and ψ′(θ + y) depend on y alone, and counts repeat a great deal (a
  // national dataset has millions of rows but a few hundred distinct counts), so each is
  // evaluated once per distinct y and weighted by its multiplicity; ψ(θ) and ψ′(θ) once per step.
  // (A caller that estimates θ again for the same y passes its distinct counts in.)
  const { values, counts } = distinct;
  // U(θ) and I(θ) at the same θ, in one pass over the rows (each sum's terms and order as apart).
  const scoreAndInfo = (th: number): [number, number] => {
    let u = n * (Math.log(th) + 1 - digamma(th));
    let info = n * (trigamma(th) - 1 / th);
    for (let k = 0; k < values.length; k++) {
      u += counts[k]! * digamma(th + values[k]!);
      info -= counts[k]! * trigamma(th + values[k]!);
    }
    for (let i = 0; i < n; i++) {
      const yi = y[i]!;
      const mi = mu[i]!;
      u -= Math.log(th + mi) + (yi + th) / (mi + th);
      info += 2 / (mi + th) - (yi + th) / ((mi + th) * (mi + th));
    }
    return [u, info];
  };
  let t0 = n / y.reduce((s, yi, i) => s + (yi / mu[i]! - 1) ** 2, 0);
  let it = 0;
  let del = 1;
  let information = Number.NaN;
  const eps = 2.220446049250313e-16 ** 0.25;
  while (++it < limit && Math.abs(del) > eps) {
    t0 = Math.abs(t0);
    if (!(t0 > 0) || !Number.isFinite(t0)) break;
    const [u, info] = scoreAndInfo(t0);
    information = info;
    del = u / information;
    t0 += del;
  }
  let warning: string | null = null;
  if (t0 < 0) {
    t0 = 0;
    warning = 'estimate truncated at zero';
  }
  if (it === limit) warning = 'iteration limit reached';
  return { theta: t0, se: Math.sqrt(1 / information), warning };
}

/** The distinct values of a y (ascending) and how often each occurs. */
export interface DistinctCounts {
  values: number[];
  counts: number[];
}

/** The distinct values of `y` (ascending) and how often each occurs. */
export function distinctCounts(y: readonly number[]): DistinctCounts {
  let max = 0;
  for (const v of y) if (v > max) max = v;
  const values: number[] = [];
  const counts: number[] = [];
  if (max <= DENSE_TALLY_LIMIT && y.every((v) => Number.isInteger(v) && v >= 0)) {
    // Counts are mostly small whole numbers: a tally by value beats a Map by a wide margin.
    const tally = new Float64Array(max + 1);
    for (const v of y) tally[v]! += 1;
    for (let v = 0; v <= max; v++) {
      if (tally[v]! > 0) {
        values.push(v);
        counts.push(tally[v]!);
      }
    }
  } else {
    const tally = new Map<number, number>();
    for (const v of y) tally.set(v, (tally.get(v) ?? 0) + 1);
    values.push(...[...tally.keys()].sort((a, b) => a - b));
    for (const v of values) counts.push(tally.get(v)!);
  }
  return { values, counts };
}

/** Largest count tallied by value in {@link distinctCounts}; above it, a Map. */
const DENSE_TALLY_LIMIT = 1 << 16;
