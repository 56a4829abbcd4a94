import { scaleLinear, scaleLog } from 'd3';
import { describe, expect, it } from 'vitest';
import { formatRatio, linearTicks, logTicks } from './axis.ts';

describe('axis helpers', () => {
  it('labels a reciprocal ratio with two decimals', () => {
    expect(formatRatio(1 / 1.5)).toBe('0.67');
  });

  it('places log ticks for reciprocal values symmetrically around 1', () => {
    const x = scaleLog().domain([0.4, 2.5]).range([0, 300]);
    const ticks = logTicks(x, 9, 0);
    const at = (v: number) => ticks.find((t) => Math.abs(t.value - v) < 1e-9)?.position;
    const one = at(1) as number;
    for (const r of [1.25, 1.5, 2]) {
      const up = at(r) as number;
      const down = at(1 / r) as number;
      expect(up - one).toBeCloseTo(one - down, 0);
    }
    expect(ticks.map((t) => t.label)).toEqual(['0.50', '0.67', '0.80', '1.00', '1.25', '1.50', '2.00']);
  });

  it('thins log ticks so labels are never closer than the minimum gap', () => {
    const x = scaleLog().domain([0.4, 2.5]).range([0, 200]);
    const ticks = logTicks(x);
    for (let i = 1; i < ticks.length; i++) {
      expect((ticks[i]?.position ?? 0) - (ticks[i - 1]?.position ?? 0)).toBeGreaterThanOrEqual(34);
    }
    expect(ticks.some((t) => t.value === 1)).toBe(true);
  });

  it('gives linear ticks rounded positions and formatted labels', () => {
    const x = scaleLinear().domain([0, 1000]).range([0, 333]);
    const ticks = linearTicks(x, 5);
    expect(ticks.map((t) => t.label)).toEqual(['0', '200', '400', '600', '800', '1,000']);
    expect(ticks[1]?.position).toBe(66.6);
  });
});
