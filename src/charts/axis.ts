// Numbers are formatted by the site's one formatting module, with the decimals each chart needs.
import { formatNumber } from '../lib/format/formatNumber.ts';
import type { ScaleContinuousNumeric, ScaleLogarithmic } from 'd3';
import { round1 } from './round1.ts';

/** One axis tick: the data value, its rounded pixel position and its formatted label. */
export type Tick = { value: number; position: number; label: string };

/**
 * Ticks for a linear scale from d3's nice tick algorithm (1, 2, 5 × 10^k steps), labelled with
 * {@link formatNumber} using as many decimals as the step needs.
 */
export function linearTicks(scale: ScaleContinuousNumeric<number, number>, count = 5): Tick[] {
  const values = scale.ticks(count);
  const step = values.length > 1 ? Math.abs((values[1] ?? 0) - (values[0] ?? 0)) : 1;
  const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
  return values.map((value) => ({
    value,
    position: round1(scale(value)),
    label: formatNumber(value, digits),
  }));
}

// Ratios above 1; each is paired with its reciprocal so the axis is symmetric about no effect.
const LOG_STEPS = [1.25, 1.5, 2, 3, 4, 5, 10, 20, 50, 100];

/**
 * Ticks for a log scale of ratios: 1 plus "nice" reciprocal pairs (0.8/1.25, 0.67/1.5, 0.5/2,
 * 0.33/3 …), so equal distances either side of 1 mean equal relative effects. Pairs are
 * thinned (keeping the widest) until at most `maxTicks` remain and no two labels are closer than
 * `minGap` px. Reciprocals are placed exactly
 * (1/1.5) and labelled to 2 decimals ("0.67").
 */
export function logTicks(scale: ScaleLogarithmic<number, number>, maxTicks = 7, minGap = 34): Tick[] {
  const [d0, d1] = scale.domain() as [number, number];
  const lo = Math.min(d0, d1) * (1 - 1e-9);
  const hi = Math.max(d0, d1) * (1 + 1e-9);
  const inside = (v: number) => v >= lo && v <= hi;
  let steps = LOG_STEPS.filter((s) => inside(s) || inside(1 / s));
  // Thin from the inside out: keep the outermost steps, which show the range.
  while (steps.length > 1 && 1 + 2 * steps.length > maxTicks) {
    steps = steps.filter((_, i) => i % 2 === (steps.length - 1) % 2);
  }
  const valuesFor = (kept: number[]) =>
    [1, ...kept, ...kept.map((s) => 1 / s)].filter(inside).sort((a, b) => a - b);
  // Labels crowd near 1 (0.8, 1, 1.25), so drop the innermost pair until neighbours are minGap px apart.
  const crowded = (vs: number[]) =>
    vs.some((v, i) => i > 0 && Math.abs(scale(v) - scale(vs[i - 1] ?? v)) < minGap);
  while (steps.length > 1 && crowded(valuesFor(steps))) steps = steps.slice(1);
  const values = valuesFor(steps);
  return values.map((value) => ({ value, position: round1(scale(value)), label: formatRatio(value) }));
}

/**
 * Formats a ratio to 2 decimal places (en-GB, U+2212 never arises for positive ratios).
 * @example formatRatio(1 / 1.5) === '0.67'
 */
export function formatRatio(value: number): string {
  return formatNumber(value, 2);
}
