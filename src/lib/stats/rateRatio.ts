import type { GlmFitted } from './fitGlm.ts';
import { normalUpperTail } from './normalUpperTail.ts';

/** Φ⁻¹(0.975), as R's qnorm(0.975). */
export const Z_975 = 1.959963984540054;

export interface RateRatio {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  /** Standard error of the log rate ratio. */
  se: number;
}

/**
 * The rate ratio for one coefficient of a log-link fit with its 95% Wald interval and two-sided
 * Wald p: exp(b), exp(b ± z·se) with z = Φ⁻¹(0.975), p = 2Φ(−|b/se|), se from the inverse
 * information with dispersion 1 — as `summary.glm` for Poisson and `summary.negbin`.
 *
 * Reference: Agresti (2013) Categorical Data Analysis, §4.3 and §1.3.3.
 */
export function rateRatio(
  fit: Pick<GlmFitted, 'columnNames' | 'coefficients' | 'standardErrors'>,
  columnName: string,
): RateRatio {
  const j = fit.columnNames.indexOf(columnName);
  if (j < 0) {
    throw new RangeError(`rateRatio: columnName "${columnName}" is not one of ${fit.columnNames.join(', ')}`);
  }
  const b = fit.coefficients[j]!;
  const se = fit.standardErrors[j]!;
  return {
    estimate: Math.exp(b),
    ciLow: Math.exp(b - Z_975 * se),
    ciHigh: Math.exp(b + Z_975 * se),
    pValue: 2 * normalUpperTail(Math.abs(b / se)),
    se,
  };
}
