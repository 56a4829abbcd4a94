import { describe, expect, test } from 'vitest';
import { classifyRatio, describeRatio, ratioAsChange, ratioIntervalInWords } from './effectInWords.ts';

const r = (estimate: number, ciLow: number, ciHigh: number) => ({ estimate, ciLow, ciHigh });

describe('classifyRatio against a ±10% band (0.90 to 1.10)', () => {
  test('an interval wholly inside the band is little or no difference', () => {
    expect(classifyRatio(r(1, 0.95, 1.05), 10)).toBe('little_or_no_difference');
  });
  test('an interval ending exactly on both band edges is still inside the band', () => {
    expect(classifyRatio(r(1, 0.9, 1.1), 10)).toBe('little_or_no_difference');
  });
  test('an upper end just past the edge makes the wording uncertain ("may")', () => {
    expect(classifyRatio(r(1, 0.95, 1.1001), 10)).toBe('may_make_little_or_no_difference');
    expect(classifyRatio(r(1, 0.8999, 1.05), 10)).toBe('may_make_little_or_no_difference');
  });
  test('the published trial result may make little or no difference', () => {
    expect(classifyRatio(r(1.055, 0.955, 1.166), 10)).toBe('may_make_little_or_no_difference');
  });
  test('an estimate past the band with an interval across one edge may increase or may reduce', () => {
    expect(classifyRatio(r(1.2, 1.05, 1.4), 10)).toBe('may_increase');
    expect(classifyRatio(r(0.8, 0.6, 0.95), 10)).toBe('may_reduce');
  });
  test('an estimate exactly on the edge counts as inside the band', () => {
    expect(classifyRatio(r(1.1, 1.05, 1.4), 10)).toBe('may_make_little_or_no_difference');
    expect(classifyRatio(r(0.9, 0.6, 0.95), 10)).toBe('may_make_little_or_no_difference');
  });
  test('a lower end on the upper edge is not yet a clear increase; just past it is', () => {
    expect(classifyRatio(r(1.3, 1.1, 1.5), 10)).toBe('may_increase');
    expect(classifyRatio(r(1.3, 1.1001, 1.5), 10)).toBe('increases');
  });
  test('an upper end just below the lower edge is a clear reduction', () => {
    expect(classifyRatio(r(0.7, 0.5, 0.9), 10)).toBe('may_reduce');
    expect(classifyRatio(r(0.7, 0.5, 0.8999), 10)).toBe('reduces');
  });
  test('an interval across both edges cannot tell', () => {
    expect(classifyRatio(r(0.81, 0.12, 5.4), 10)).toBe('uncertain');
  });
  test('the same interval reads differently against a wider band', () => {
    expect(classifyRatio(r(1.055, 0.955, 1.166), 20)).toBe('little_or_no_difference');
  });
  test('impossible input is a RangeError naming the function', () => {
    expect(() => classifyRatio(r(1, 1.1, 0.9), 10)).toThrow(/classifyRatio: expected ciLow/);
    expect(() => classifyRatio(r(1, 0.9, 1.1), 0)).toThrow(/classifyRatio: bandPercent/);
    expect(() => classifyRatio(r(1, 0, 1.1), 10)).toThrow(/classifyRatio: ciLow/);
  });
});

test('interval ends are changes in plain words', () => {
  expect(ratioAsChange(0.955)).toBe('4.5% fewer');
  expect(ratioAsChange(1.166)).toBe('16.6% more');
  expect(ratioAsChange(1.0004)).toBe('no change');
  expect(ratioIntervalInWords({ ciLow: 0.955, ciHigh: 1.166 })).toBe('from 4.5% fewer to 16.6% more');
  expect(ratioIntervalInWords({ ciLow: 1.05, ciHigh: 1.4 })).toBe('from 5.0% more to 40.0% more');
});

test('a finding reads as one clause with the interval in words', () => {
  const d = describeRatio({
    subject: 'SWIS',
    outcome: 'Section 47 enquiries',
    interval: r(1.055, 0.955, 1.166),
    bandPercent: 10,
  });
  expect(d.text).toBe(
    'SWIS may make little or no difference to Section 47 enquiries (95% confidence interval: from 4.5% fewer to 16.6% more)',
  );
  const sentences = [
    r(1, 0.95, 1.05),
    r(1.3, 1.15, 1.5),
    r(0.7, 0.5, 0.85),
    r(1.2, 1.05, 1.4),
    r(0.8, 0.6, 0.95),
    r(1, 0.5, 2),
  ].map(
    (i) => describeRatio({ subject: 'X', outcome: 'y', interval: i, bandPercent: 10 }).text.split(' (')[0],
  );
  expect(sentences).toEqual([
    'X makes little or no difference to y',
    'X increases y',
    'X reduces y',
    'X may increase y',
    'X may reduce y',
    'X may increase or reduce y: the data cannot tell which',
  ]);
});
