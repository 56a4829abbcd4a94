/**
 * Trigamma function ψ′(x) = d²/dx² log Γ(x), for x > 0.
 *
 * Method: the recurrence ψ′(x) = ψ′(x + 1) + 1/x² moves x to at least 10, then the asymptotic
 * series ψ′(x) ≈ 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹ (Abramowitz & Stegun 6.4.12). Needed for θ's
 * information in `thetaMl`.
 *
 * @example trigamma(1) // 1.6449340668482264 (π²/6)
 */
export function trigamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`trigamma: x must be a positive finite number, got ${x}`);
  }
  let result = 0;
  let v = x;
  while (v < 10) {
    result += 1 / (v * v);
    v += 1;
  }
  const inv2 = 1 / (v * v);
  const series =
    (1 / v) *
    inv2 *
    (1 / 6 -
      inv2 *
        (1 / 30 -
          inv2 * (1 / 42 - inv2 * (1 / 30 - inv2 * (5 / 66 - inv2 * (691 / 2730 - (inv2 * 7) / 6))))));
  return result + 1 / v + 0.5 * inv2 + series;
}
