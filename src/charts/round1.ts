/**
 * Rounds a coordinate to one decimal place so emitted SVG (and its snapshots) are stable.
 * @example round1(12.345) === 12.3
 */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}
