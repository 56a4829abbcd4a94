import { expect, test } from 'vitest';
import { componentAttributes, parseComponentProps } from './componentProps.ts';

test('the attributes a component takes come from its schema: required first, then optional', () => {
  expect(componentAttributes('Rate')).toEqual({
    required: ['study', 'outcome', 'group', 'period'],
    optional: ['scope', 'interval'],
  });
  expect(componentAttributes('Fact')).toEqual({ required: ['id'], optional: ['source'] });
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
    '<Fact>: expected only the attributes id, source, found an unknown attribute "sorce". Check the spelling.',
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
