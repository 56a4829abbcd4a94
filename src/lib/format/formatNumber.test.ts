import { expect, test } from 'vitest';
import { formatNumber, formatRateRatio } from './formatNumber.ts';

test('numbers use en-GB grouping, fixed decimals and a true minus sign', () => {
  expect(formatNumber(278858)).toBe('278,858');
  expect(formatNumber(-0.5, 1)).toBe('\u22120.5');
  expect(formatNumber(1.0554, 3)).toBe('1.055');
});
test('a suppressed value prints as its symbol', () => {
  expect(formatNumber('c')).toBe('c');
});
test('a rate ratio prints with its interval', () => {
  expect(formatRateRatio({ estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 })).toBe(
    '1.055 (95% CI 0.955 to 1.166)',
  );
});
