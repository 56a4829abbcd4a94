import { expect, test } from 'vitest';
import { schoolFrequencies } from './schoolFrequencies.ts';

test('a school of 1,000 pupils gets the rate per 1,000 and the interval as changes', () => {
  const f = schoolFrequencies(1000, 9.12, { estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 });
  expect(f.expected).toBeCloseTo(9.12, 6);
  expect(f.changeLow).toBeCloseTo(-0.4104, 4);
  expect(f.changeHigh).toBeCloseTo(1.51392, 4);
});

test('a school with no pupils is refused', () => {
  expect(() => schoolFrequencies(0, 9, { estimate: 1, ciLow: 1, ciHigh: 1 })).toThrow(RangeError);
});
