import { describe, expect, test } from 'vitest';
import { parseResultsFile, RESULTS_SCHEMAS } from './resultsSchemas.ts';
import { stableJson } from './stableJson.ts';

const estimate = {
  analysis: 'adjusted',
  ciHigh: 1.2,
  ciLow: 0.96,
  estimate: 1.07,
  model: 'negative_binomial',
  outcome: 's47',
  pValue: 0.2,
  schools: 263,
  scope: 'overall',
  study: 'trial',
  theta: 6.9,
};

describe('the results contract', () => {
  test('a file as the pipeline writes it parses, keys in the order the file holds them', () => {
    const text = stableJson([estimate]);
    const parsed = parseResultsFile('estimates.json', text);
    expect(parsed).toEqual([estimate]);
    expect(Object.keys(parsed[0]!)).toEqual(Object.keys(estimate));
    expect(stableJson(parsed)).toBe(text);
  });

  test('a value of the wrong type fails, naming the file, the place, and what to do', () => {
    const text = stableJson([estimate, { ...estimate, ciLow: 'c' }]);
    expect(() => parseResultsFile('estimates.json', text, 'out/estimates.json')).toThrow(
      /out\/estimates.json does not match the results contract[^]*\[1\]\.ciLow: [^]*npm run results/,
    );
  });

  test('a key the contract does not name fails, so producer and reader cannot drift apart', () => {
    const text = stableJson([{ ...estimate, estimat: 1.07 }]);
    expect(() => parseResultsFile('estimates.json', text)).toThrow(/\[0\]: Unrecognized key: "estimat"/);
  });

  test('a suppressed count is the symbol c and nothing else', () => {
    const rate = {
      study: 'trial',
      outcome: 's47',
      scope: 'overall',
      group: 'swis',
      period: 'baseline',
      schools: 2,
      pupilYears: 1000,
      count: 'c',
      ratePer1000: 'c',
      ciLow: 'c',
      ciHigh: 'c',
    };
    expect(RESULTS_SCHEMAS['rates.json'].safeParse([rate]).success).toBe(true);
    expect(RESULTS_SCHEMAS['rates.json'].safeParse([{ ...rate, count: 'x' }]).success).toBe(false);
  });

  test('a context.json written before rows carried their children fails, saying to run results again', () => {
    const row = {
      laCode: 'E09000022',
      measure: 'referrals',
      ratePer10k: 100,
      symbol: null,
      value: 600,
      year: 2024,
    };
    expect(parseResultsFile('context.json', stableJson([{ ...row, children: 60000 }]))).toHaveLength(1);
    expect(() => parseResultsFile('context.json', stableJson([row]), 'out/context.json')).toThrow(
      /out\/context.json does not match the results contract[^]*\[0\]\.children: [^]*npm run results/,
    );
  });

  test('text that is not JSON fails with the file named', () => {
    expect(() => parseResultsFile('manifest.json', '{', 'out/manifest.json')).toThrow(
      /out\/manifest.json: not JSON/,
    );
  });
});
