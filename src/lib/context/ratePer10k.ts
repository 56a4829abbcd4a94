/**
 * Rates per 10,000 children computed the way the Department for Education (DfE) computes the
 * rates it publishes in "Characteristics of children in need" and "Children looked after":
 * count × 10,000 ÷ ONS mid-year estimate of children aged 0–17. For a reporting year ending
 * 31 March Y, DfE's denominator is the ONS mid-year estimate for mid-(Y − 1) (checked against
 * every published rate in tests/fixtures/dfe-published-rates.csv).
 */

/**
 * Rate per 10,000 children at full precision: `count * 10000 / population`.
 * Returns null when either input is not a finite number or the population is not positive.
 */
export function ratePer10k(count: number, population: number): number | null {
  if (!Number.isFinite(count) || !Number.isFinite(population) || population <= 0) return null;
  return (count * 10000) / population;
}

/**
 * Rounds a value the way DfE rounds its published rates: to `decimals` places (0 for the
 * children looked after rates, 1 for the children in need rates in LAIT), with halves rounded
 * away from zero ("round half up" for the non-negative rates DfE publishes). A relative
 * correction of 1e-12 guards against binary floating-point error (e.g. 0.15 * 10 = 1.4999…).
 */
export function dfeRound(value: number, decimals = 0): number {
  if (!Number.isFinite(value)) return value;
  if (!Number.isInteger(decimals) || decimals < 0)
    throw new RangeError('decimals must be a whole number ≥ 0');
  const scale = 10 ** decimals;
  const scaled = Math.abs(value) * scale;
  const rounded = Math.floor(scaled + 0.5 + scaled * 1e-12);
  const result = (Math.sign(value) * rounded) / scale;
  return Object.is(result, -0) ? 0 : result;
}
