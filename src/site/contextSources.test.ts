import { expect, test } from 'vitest';
import { measureSource, officialSource } from './contextSources.ts';

test("a figure of a measure's rates cites the publication of its counts, then the population estimates", () => {
  expect(measureSource('cla_starts')).toEqual({
    source:
      'Department for Education, Children looked after in England including adoptions; Office for National Statistics, Population estimates for England and Wales: mid-year',
    sourceHref:
      'https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions',
  });
  expect(measureSource('s47_enquiries').source).toMatch(
    /^Department for Education, Characteristics of children in need; /,
  );
});

test('a rate cites what officialSource cites for the same publication', () => {
  expect(measureSource('referrals')).toEqual(officialSource('referrals', true));
});

test('a measure no publication publishes is an error, never a guess', () => {
  expect(() => measureSource('pupils')).toThrow(
    /measureSources: no publication in CONTEXT_SOURCES publishes "pupils"/,
  );
});
