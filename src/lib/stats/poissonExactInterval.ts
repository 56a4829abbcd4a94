import jstatPkg from 'jstat';

const { jStat } = jstatPkg;

export interface PoissonInterval {
  lower: number;
  upper: number;
}

/**
 * Exact (Garwood) confidence interval for a Poisson mean from an observed count x, or for a
 * rate when an exposure T is given, as R's `poisson.test(x, T)$conf.int`:
 * lower = qgamma(α/2, x)/T (0 when x = 0), upper = qgamma(1 − α/2, x + 1)/T, α = 1 − level.
 * Gamma quantiles are jStat's (agree with R to about 1e-11 relative) up to a shape of 10⁶; above
 * that jStat's series needs 0.4 × shape iterations (a count of 10⁹ took minutes), so the
 * Wilson–Hilferty cube-root approximation is used, which agrees with R's qgamma to about 1e-11
 * relative there (see poissonExactInterval.test.ts).
 *
 * Reference: Garwood (1936) Biometrika 28:437–442; Ulm (1990) Am J Epidemiol 131:373–375.
 *
 * @example poissonExactInterval(5) // { lower: 1.6234863901184, upper: 11.668332079322 }
 * @example poissonExactInterval(37, { exposure: 1000 }) // a rate per unit of exposure
 */
export function poissonExactInterval(
  count: number,
  options: { exposure?: number; level?: number } = {},
): PoissonInterval {
  const { exposure = 1, level = 0.95 } = options;
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`poissonExactInterval: count must be an integer ≥ 0, got ${count}`);
  }
  checkExposure(exposure);
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`poissonExactInterval: level must be between 0 and 1, got ${level}`);
  }
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : gammaQuantile(alpha / 2, count);
  const upper = gammaQuantile(1 - alpha / 2, count + 1);
  return { lower: lower / exposure, upper: upper / exposure };
}

function checkExposure(exposure: number): void {
  if (!(exposure > 0) || !Number.isFinite(exposure)) {
    throw new RangeError(`poissonExactInterval: exposure must be positive and finite, got ${exposure}`);
  }
}

/** Shapes from which the Wilson–Hilferty approximation replaces jStat's iterative quantile. */
const LARGE_SHAPE = 1e6;

/**
 * Quantile of the gamma distribution with scale 1: jStat for moderate shapes; for large ones
 * Wilson & Hilferty (1931): a·(1 − 1/(9a) + z/(3√a))³ with z = Φ⁻¹(p).
 */
function gammaQuantile(p: number, shape: number): number {
  if (shape < LARGE_SHAPE) return jStat.gamma.inv(p, shape, 1);
  const z = jStat.normal.inv(p, 0, 1);
  return shape * (1 - 1 / (9 * shape) + z / (3 * Math.sqrt(shape))) ** 3;
}

/**
 * Exact 95% interval for a rate: count / exposure, as `poisson.test(count, exposure)$conf.int`
 * (see `poissonExactInterval`; Garwood 1936). With exposure in thousands of pupil-years the
 * interval is per 1,000 pupils per year.
 *
 * @example poissonRateInterval(5, 2) // { low: 0.81174319505921, high: 5.8341660396613 }
 */
export function poissonRateInterval(count: number, exposure: number): { low: number; high: number } {
  const { lower, upper } = poissonExactInterval(count, { exposure });
  return { low: lower, high: upper };
}

/**
 * {@link poissonRateInterval} for a batch of rates, such as a results run's table: the gamma
 * quantiles of each distinct count are found once for the batch. Why: each takes jStat tens of
 * microseconds of iteration, and counts repeat (the national bench's 4,960 rates have 1,392
 * distinct counts). The intervals are poissonRateInterval's, bit for bit: either way each is a
 * quantile divided by the exposure. The memo belongs to the function returned, so it goes with
 * the batch (no module-level cache).
 *
 * @example const interval = poissonRateIntervals(); interval(5, 2) // as poissonRateInterval(5, 2)
 */
export function poissonRateIntervals(): (count: number, exposure: number) => { low: number; high: number } {
  const byCount = new Map<number, PoissonInterval>();
  return (count, exposure) => {
    let unit = byCount.get(count);
    if (unit === undefined) byCount.set(count, (unit = poissonExactInterval(count)));
    checkExposure(exposure);
    return { low: unit.lower / exposure, high: unit.upper / exposure };
  };
}
