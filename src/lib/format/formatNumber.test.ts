import { expect, test } from 'vitest';
import {
  formatChange,
  formatCountInWords,
  formatFewerMore,
  formatNumber,
  formatPValue,
  formatPercent,
  formatRateRatio,
  formatFact,
  formatReportingYear,
  formatAcademicYear,
} from './formatNumber.ts';

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

test('a change carries an explicit sign and a true minus', () => {
  expect(formatChange(3)).toBe('+3.0');
  expect(formatChange(-7.25)).toBe('\u22127.3');
  expect(formatChange(0.01)).toBe('0.0');
});

test('percentages and symbols', () => {
  expect(formatPercent(16.64)).toBe('16.6%');
  expect(formatPercent('c')).toBe('c');
});

test('a value that rounds to zero has no minus sign', () => {
  expect(formatNumber(-0.01, 1)).toBe('0.0');
  expect(formatChange(-0.01)).toBe('0.0');
});

test('a DfE reporting year prints as the two calendar years it spans', () => {
  expect(formatReportingYear(2022)).toBe('2021–22');
  expect(formatReportingYear(2010)).toBe('2009–10');
});

test('an academic year prints as DfE’s school statistics write it, from the year it ends in', () => {
  expect(formatAcademicYear(2022)).toBe('2021/22');
  expect(formatAcademicYear(2000)).toBe('1999/00');
  expect(() => formatAcademicYear(2022.5)).toThrow(RangeError);
});

test('formatFact shows a published figure in its unit at the precision it was published', () => {
  expect(formatFact(268, 'count')).toBe('268');
  expect(formatFact(278858, 'count')).toBe('278,858');
  expect(formatFact(1.3, 'percent')).toBe('1.3%');
  expect(formatFact(18, 'percent')).toBe('18%');
  expect(formatFact(374000, 'gbp')).toBe('£374,000');
  expect(formatFact(1000, 'gbp')).toBe('£1,000');
  expect(formatFact(6500000, 'gbp')).toBe('£6.5 million');
  expect(formatFact(9900000, 'gbp')).toBe('£9.9 million');
  expect(formatFact(2000000, 'gbp')).toBe('£2 million');
  expect(formatFact(23, 'months')).toBe('23 months');
  expect(formatFact(1, 'months')).toBe('1 month');
  expect(() => formatFact(Number.NaN, 'count')).toThrow(RangeError);
});

test('counts in running text are words up to nine and figures from 10', () => {
  expect(formatCountInWords(3)).toBe('three');
  expect(formatCountInWords(21)).toBe('21');
  expect(() => formatCountInWords(1.5)).toThrow(RangeError);
});

test('a change in a count of events reads as fewer or more, without a sign', () => {
  expect(formatFewerMore(-0.41)).toBe('0.4 fewer');
  expect(formatFewerMore(1.51)).toBe('1.5 more');
  expect(formatFewerMore(0)).toBe('0.0 more');
  expect(() => formatFewerMore(Number.NaN)).toThrow(RangeError);
});

test('a p-value that rounds to 0.000 is printed as <0.001, never as 0', () => {
  expect(formatPValue(0.0412)).toBe('0.041');
  expect(formatPValue(0.0005)).toBe('0.001');
  expect(formatPValue(0.000499)).toBe('<0.001');
  expect(formatPValue(4e-6)).toBe('<0.001');
  expect(() => formatPValue(1.2)).toThrow(RangeError);
});
