import jstatPkg from 'jstat';

const { jStat } = jstatPkg;

/**
 * Upper tail of the standard normal, Q(z) = 1 − Φ(z), accurate in relative terms far into the
 * tail (p-values like 1e-30 keep their digits, where 1 − Φ would round to 0).
 *
 * Method: for z < 3, jStat's Φ(−z) (absolute error ~1e-16, so relative error < 1e-13 there);
 * for z ≥ 3, Laplace's continued fraction Q(z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))),
 * evaluated backwards from 300 terms. Reference: Abramowitz & Stegun (1964) 26.2.14.
 *
 * @example normalUpperTail(8) // 6.22096057427178e-16 (R: pnorm(8, lower.tail = FALSE))
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalUpperTail: z must be a number, got NaN');
  if (z < 3) return jStat.normal.cdf(-z, 0, 1);
  if (z === Infinity) return 0;
  let t = z;
  for (let k = 300; k >= 1; k--) t = z + k / t;
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) / t;
}
