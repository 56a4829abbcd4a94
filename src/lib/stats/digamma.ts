/**
 * Digamma function ψ(x) = d/dx log Γ(x), for x > 0.
 *
 * Method: the recurrence ψ(x) = ψ(x + 1) − 1/x moves x to at least 10, then the asymptotic
 * series ψ(x) ≈ ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz & Stegun 6.3.18) is accurate to
 * about 1e-15. Needed for θ's score in `thetaMl` (MASS::theta.ml uses R's digamma).
 *
 * @example digamma(1) // −0.5772156649015329 (−Euler's γ)
 */
export function digamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) {
    throw new RangeError(`digamma: x must be a positive finite number, got ${x}`);
  }
  let result = 0;
  let v = x;
  while (v < 10) {
    result -= 1 / v;
    v += 1;
  }
  const inv2 = 1 / (v * v);
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 -
          inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return result + Math.log(v) - 0.5 / v - series;
}
