import { describe, expect, it, test } from 'vitest';
import { formatDate } from './formatDate.ts';

describe('formatDate', () => {
  it('writes a stored date in en-GB words without reading the clock', () => {
    expect(formatDate('2023-03-30')).toBe('30 March 2023');
    expect(formatDate(new Date('2024-10-01T00:00:00Z'))).toBe('1 October 2024');
  });

  it('refuses text that is not a calendar date, naming itself', () => {
    expect(() => formatDate('2023-02-30')).toThrow(/formatDate: not a calendar date/);
    expect(() => formatDate('30/03/2023')).toThrow(/formatDate: expected YYYY-MM-DD/);
  });
});

test('dates print in UK order in UTC whatever the machine zone', () => {
  expect(formatDate(new Date('2023-03-30'))).toBe('30 March 2023');
  expect(formatDate(new Date('2020-05-01T00:00:00Z'), 'month')).toBe('May 2020');
  expect(() => formatDate(new Date('nope'))).toThrow(RangeError);
});
