import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { poissonExactInterval, poissonRateInterval } from './poissonExactInterval.ts';

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

describe('poissonRateInterval', () => {
  it('divides the exact count interval by the exposure, as poisson.test(5, 2)', () => {
    const { low, high } = poissonRateInterval(5, 2);
    expect(low).toBeCloseTo(0.8117431950592101, 12);
    expect(high).toBeCloseTo(5.834166039661334, 12);
  });
});
