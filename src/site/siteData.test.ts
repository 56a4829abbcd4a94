import { expect, test } from 'vitest';
import type { Estimate } from '../lib/contracts/resultsSchemas.ts';
import { lookupEstimate, lookupPublished } from './siteData.ts';

const rows: Estimate[] = [
  {
    study: 'trial',
    outcome: 's47',
    analysis: 'adjusted',
    scope: 'overall',
    model: 'negative_binomial',
    estimate: 1.07,
    ciLow: 0.96,
    ciHigh: 1.2,
    pValue: 0.2,
    schools: 263,
  },
];

test('a known key finds its estimate, with the overall scope by default', () => {
  expect(lookupEstimate({ study: 'trial', outcome: 's47', analysis: 'adjusted' }, rows).estimate).toBe(1.07);
});

test('an unknown Estimate key fails with a message naming the component and the key', () => {
  expect(() => lookupEstimate({ study: 'trial', outcome: 's74', analysis: 'adjusted' }, rows)).toThrow(
    /<Estimate study="trial" outcome="s74" analysis="adjusted" scope="overall" \/>: no such estimate/,
  );
});

test('an unknown Published key fails with a message naming the component', () => {
  expect(() => lookupPublished({ study: 'pilot', outcome: 's47', analysis: 'did' }, [])).toThrow(
    /<Published study="pilot"/,
  );
});
