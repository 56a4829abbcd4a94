/** A log-link count family: Poisson, or negative binomial (NB2) with a fixed θ. */
export interface GlmFamily {
  readonly name: 'poisson' | 'negative_binomial';
  /** θ for the negative binomial; absent for Poisson. */
  readonly theta?: number;
  /** Var(Y) as a function of μ. */
  variance(mu: number): number;
  /** Unit deviance of one observation (weight 1). */
  unitDeviance(y: number, mu: number): number;
  /** Starting μ from y when no start is given (as R's family$initialize). */
  initialMu(y: number): number;
}

/**
 * The Poisson family with log link: V(μ) = μ, unit deviance 2[y log(y/μ) − (y − μ)]
 * (y log y = 0 at y = 0), start μ = y + 0.1 — as R's `poisson()` (McCullagh & Nelder 1989, §6.2).
 */
export function poissonFamily(): GlmFamily {
  return {
    name: 'poisson',
    variance: (mu) => mu,
    unitDeviance: (y, mu) => 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - (y - mu)),
    initialMu: (y) => y + 0.1,
  };
}

/**
 * The NB2 family with log link and fixed θ: V(μ) = μ + μ²/θ, unit deviance
 * 2[y log(max(1, y)/μ) − (y + θ) log((y + θ)/(μ + θ))], start μ = y + (y = 0)/6 —
 * as `MASS::negative.binomial(theta)` (Venables & Ripley 2002, §7.4).
 */
export function negativeBinomialFamily(theta: number): GlmFamily {
  if (!(theta > 0) || !Number.isFinite(theta)) {
    throw new RangeError(`negativeBinomialFamily: theta must be positive and finite, got ${theta}`);
  }
  return {
    name: 'negative_binomial',
    theta,
    variance: (mu) => mu + (mu * mu) / theta,
    unitDeviance: (y, mu) =>
      2 * (y * Math.log(Math.max(1, y) / mu) - (y + theta) * Math.log((y + theta) / (mu + theta))),
    initialMu: (y) => y + (y === 0 ? 1 / 6 : 0),
  };
}
