import { poissonExactInterval } from './poissonExactInterval.ts';

/** How an area's rate can stand against a benchmark's, in the words public health profiles use. */
export const BENCHMARK_COMPARISONS = ['higher', 'similar', 'lower'] as const;
export type BenchmarkComparison = (typeof BENCHMARK_COMPARISONS)[number];

/** The limits of an area's rate at one confidence level, and how the benchmark sits against them. */
export interface BenchmarkResult {
  /** Lower and upper confidence limits of the area's rate, in the units of `exposure`. */
  lower: number;
  upper: number;
  /** `higher` when the benchmark is below the lower limit, `lower` when above the upper, else `similar`. */
  comparison: BenchmarkComparison;
}

/**
 * Compares an area's rate, `count / exposure`, with a benchmark rate (England's) as the Office
 * for Health Improvement and Disparities' public health profiles (Fingertips) do: the exact
 * Poisson confidence limits of the area's count, divided by its exposure, are set against the
 * benchmark's value, which is treated as fixed. Benchmark below the lower limit: `higher`; above
 * the upper limit: `lower`; within the limits (inclusive): `similar`.
 *
 * The limits are Garwood's exact ones (see `poissonExactInterval`, as R's
 * `poisson.test(count)$conf.int`), equal to the chi-square form
 * lower = χ²(α/2; 2x)/2, upper = χ²(1 − α/2; 2x + 2)/2. Fingertips uses them for counts under 10
 * and Byar's approximation to them above (PHEindicatormethods `phe_rate`); the two agree to well
 * within the rounding of published rates at such counts. Profiles use two levels: 95% (about one
 * area in 20 differs by chance alone) and 99.8% (about one in 500).
 *
 * References: Garwood (1936) Biometrika 28:437–442; Breslow & Day (1987) Statistical methods in
 * cancer research II, IARC; Public Health England (2018) Technical guide: confidence intervals,
 * and Fingertips' "compared with England" benchmarking.
 *
 * @example compareWithBenchmark(120, 10, 8) // 120 per 10 = 12; 95% limits 9.95 to 14.35; 'higher'
 * @example compareWithBenchmark(5, 1, 3, { level: 0.998 }) // limits 0.74 to 16.45; 'similar'
 */
export function compareWithBenchmark(
  count: number,
  exposure: number,
  benchmark: number,
  options: { level?: number } = {},
): BenchmarkResult {
  if (!Number.isFinite(benchmark) || benchmark < 0) {
    throw new RangeError(`compareWithBenchmark: benchmark must be a finite rate ≥ 0, got ${benchmark}`);
  }
  const { lower, upper } = poissonExactInterval(count, { exposure, level: options.level ?? 0.95 });
  const comparison: BenchmarkComparison =
    benchmark < lower ? 'higher' : benchmark > upper ? 'lower' : 'similar';
  return { lower, upper, comparison };
}
