import { expect, test } from 'vitest';
import { componentAttributes, parseComponentProps } from './componentProps.ts';

test('the attributes a component takes come from its schema: required first, then optional', () => {
  expect(componentAttributes('Rate')).toEqual({
    required: ['study', 'outcome', 'group', 'period'],
    optional: ['scope', 'interval'],
  });
  expect(componentAttributes('Fact')).toEqual({ required: ['id'], optional: ['source', 'part'] });
  expect(componentAttributes('TrialForest')).toEqual({ required: [], optional: [] });
});

test('parsing applies the defaults a component documents', () => {
  expect(
    parseComponentProps('Rate', { study: 'trial', outcome: 's47', group: 'swis', period: 'followup' }),
  ).toEqual({
    study: 'trial',
    outcome: 's47',
    group: 'swis',
    period: 'followup',
    interval: true,
  });
  expect(parseComponentProps('EstimatesTable', { study: 'trial' })).toEqual({
    study: 'trial',
    scope: 'overall',
  });
  expect(
    parseComponentProps('Verdict', { study: 'trial', outcome: 's47', analysis: 'adjusted' }),
  ).toMatchObject({
    subject: 'The intervention',
    published: false,
  });
});

test('every problem is one sentence naming the component and the attribute', () => {
  expect(() => parseComponentProps('Estimate', { study: 'trial', outcome: 's47' })).toThrow(
    '<Estimate>: the "analysis" attribute is required (study, outcome, analysis, scope).',
  );
  expect(() => parseComponentProps('Fact', { id: 'x', sorce: false })).toThrow(
    '<Fact>: expected only the attributes id, source, part, found an unknown attribute "sorce". Check the spelling.',
  );
  expect(() =>
    parseComponentProps('Rate', {
      study: 'trial',
      outcome: 's47',
      group: 'swis',
      period: 'followup',
      interval: 'no',
    }),
  ).toThrow(/^<Rate>: the "interval" attribute: expected .*boolean.*, found "no"\.$/);
  expect(() => parseComponentProps('Term', { id: '' })).toThrow(
    '<Term>: the "id" attribute: expected some text, found "".',
  );
});

test('page components parse with their defaults, text attributes coerced to numbers', () => {
  expect(parseComponentProps('SchoolFrequency', { outcome: 's47', pupils: '1000' })).toEqual({
    outcome: 's47',
    pupils: 1000,
    show: 'expected',
  });
  expect(parseComponentProps('LatestUpdates', {})).toEqual({ count: 3 });
  expect(parseComponentProps('Milestone', { date: '2020-09' })).toEqual({ date: '2020-09' });
  expect(
    parseComponentProps('Published', { study: 'trial', outcome: 's47', analysis: 'adjusted' }),
  ).toMatchObject({
    part: 'all',
  });
});

test('page components refuse a bad attribute naming the component, the attribute and what was found', () => {
  expect(() => parseComponentProps('Milestone', { date: 'September 2020' })).toThrow(
    '<Milestone>: the "date" attribute: expected a year or a month written YYYY or YYYY-MM, such as 2020-09, found "September 2020".',
  );
  expect(() => parseComponentProps('SchoolFrequency', { outcome: 's47', pupils: 0 })).toThrow(
    /^<SchoolFrequency>: the "pupils" attribute: expected .*, found 0\.$/,
  );
  expect(() => parseComponentProps('LatestUpdates', { cuont: 3 })).toThrow(
    '<LatestUpdates>: expected only the attributes count, found an unknown attribute "cuont". Check the spelling.',
  );
});

test('a key figure has exactly one figure, and a published one its key', () => {
  expect(() => parseComponentProps('KeyFigure', { fact: 'a', label: 'b' })).toThrow(
    '<KeyFigure>: expected one figure: published (with study, outcome and analysis), fact, or label.',
  );
  expect(() => parseComponentProps('KeyFigure', { published: true, study: 'trial' })).toThrow(
    /<KeyFigure>: the "outcome" attribute is required/,
  );
  expect(parseComponentProps('KeyFigure', { fact: 'trial-pupils', unit: 'pupils' })).toEqual({
    fact: 'trial-pupils',
    unit: 'pupils',
  });
});

test('npm run check knows which attributes of a page component are required', () => {
  expect(componentAttributes('SchoolFrequencies')).toEqual({
    required: ['outcome', 'event', 'events', 'short', 'sizes'],
    optional: ['measure', 'pupils'],
  });
  expect(componentAttributes('Milestone')).toEqual({ required: ['date'], optional: [] });
});
