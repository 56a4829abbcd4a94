import { describe, expect, it } from 'vitest';
import { componentAttributes, componentProps } from './componentProps.ts';

describe('MDX component props', () => {
  it('are parsed with their defaults, text attributes coerced to numbers', () => {
    expect(componentProps('SchoolFrequency', { outcome: 's47', pupils: '1000' })).toEqual({
      outcome: 's47',
      pupils: 1000,
      show: 'expected',
    });
    expect(componentProps('LatestUpdates', {})).toEqual({ count: 3 });
    expect(componentProps('Milestone', { date: '2020-09' })).toEqual({ date: '2020-09' });
  });

  it('are refused with the component, the attribute, what was expected and what was found', () => {
    expect(() => componentProps('Milestone', { date: 'September 2020' })).toThrow(
      /^<Milestone>: "date": expected a year or a month written YYYY or YYYY-MM, such as 2020-09, found "September 2020"/,
    );
    expect(() => componentProps('SchoolFrequency', { outcome: 's47', pupils: 0 })).toThrow(
      /^<SchoolFrequency>: "pupils": expected .*found 0/,
    );
    expect(() => componentProps('LatestUpdates', { cuont: 3 })).toThrow(
      /^<LatestUpdates>: unknown attribute\(s\) "cuont"/,
    );
  });

  it('give a key figure exactly one figure, and a published one its key', () => {
    expect(() => componentProps('KeyFigure', { fact: 'a', label: 'b' })).toThrow(/one figure/);
    expect(() => componentProps('KeyFigure', { published: true, study: 'trial' })).toThrow(
      /"outcome": expected a value with published/,
    );
    expect(componentProps('KeyFigure', { fact: 'trial-pupils', unit: 'pupils' })).toEqual({
      fact: 'trial-pupils',
      unit: 'pupils',
    });
  });

  it('tell npm run check which attributes are required and which optional', () => {
    expect(componentAttributes('SchoolFrequencies')).toEqual({
      required: ['outcome', 'event', 'events', 'short', 'sizes'],
      optional: ['pupils'],
    });
    expect(componentAttributes('Milestone')).toEqual({ required: ['date'], optional: [] });
  });
});
