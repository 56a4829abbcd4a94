import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { poissonExactInterval, poissonRateInterval, poissonRateIntervals } from './poissonExactInterval.ts';

// Made by scripts/reference/fit-glm.R: poisson.test(x, T)$conf.int
const cases = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../tests/fixtures/glm/poisson-exact.json'), 'utf8'),
) as { x: number; exposure: number; lower: number; upper: number }[];

describe('poissonExactInterval', () => {
  it.each(cases)('matches poisson.test($x, $exposure)', ({ x, exposure, lower, upper }) => {
    const ci = poissonExactInterval(x, { exposure });
    if (lower === 0) expect(ci.lower).toBe(0);
    else expect(Math.abs(ci.lower - lower) / lower).toBeLessThan(1e-9);
    expect(Math.abs(ci.upper - upper) / upper).toBeLessThan(1e-9);
  });
  it('gives a lower limit of exactly 0 for a count of 0', () => {
    expect(poissonExactInterval(0).lower).toBe(0);
  });
  it('throws a RangeError naming the argument for a negative or fractional count', () => {
    expect(() => poissonExactInterval(-1)).toThrow(/poissonExactInterval: count/);
    expect(() => poissonExactInterval(1.5)).toThrow(RangeError);
    expect(() => poissonExactInterval(1, { exposure: 0 })).toThrow(/exposure/);
  });
});

describe('poissonExactInterval for very large counts', () => {
  // R: sprintf("%.17g", c(qgamma(0.025, a), qgamma(0.975, a + 1))) for a = 1e6, 1e9, 1468000000.
  const cases: [number, number, number][] = [
    [1e6, 998040.98334029387, 1001961.9119454322],
    [1e9, 999938021.44392788, 1000061981.4504089],
    [1468000000, 1467924905.9303534, 1468075096.9639781],
  ];
  it.each(cases)('agrees with R to 1e-10 relative for a count of %d, at once', (count, lower, upper) => {
    const ci = poissonExactInterval(count);
    expect(Math.abs(ci.lower / lower - 1)).toBeLessThan(1e-10);
    expect(Math.abs(ci.upper / upper - 1)).toBeLessThan(1e-10);
  });
});

describe('poissonRateInterval', () => {
  it('divides the exact count interval by the exposure, as poisson.test(5, 2)', () => {
    const { low, high } = poissonRateInterval(5, 2);
    expect(low).toBeCloseTo(0.8117431950592101, 12);
    expect(high).toBeCloseTo(5.834166039661334, 12);
  });
});

describe('poissonRateIntervals', () => {
  it('gives poissonRateInterval its intervals bit for bit, a count seen before with a new exposure included', () => {
    const interval = poissonRateIntervals();
    const calls: [number, number][] = [
      [5, 2],
      [5, 0.37],
      [0, 1.5],
      [37, 1000],
      [5, 2],
      [0, 12.25],
      [2_000_000, 3.3],
    ];
    for (const [count, exposure] of calls) {
      const memo = interval(count, exposure);
      const direct = poissonRateInterval(count, exposure);
      expect(Object.is(memo.low, direct.low) && Object.is(memo.high, direct.high)).toBe(true);
    }
  });

  it('throws the RangeErrors of poissonRateInterval, for a count it has seen too', () => {
    const interval = poissonRateIntervals();
    interval(5, 2);
    expect(() => interval(5, 0)).toThrow(/poissonExactInterval: exposure must be positive and finite, got 0/);
    expect(() => interval(1.5, 2)).toThrow(/poissonExactInterval: count must be an integer ≥ 0, got 1.5/);
  });
});
