import { expect, test } from 'vitest';
import { measuresInWords } from './effectMeasure.ts';

test('a caption names only the measures of the kinds present, in a fixed order', () => {
  expect(measuresInWords(['count'])).toBe('rate ratios');
  expect(measuresInWords(['count'], 'pilot')).toBe('ratios of rate ratios');
  expect(measuresInWords(['score', 'count'])).toBe('rate ratios and differences in mean score, in points');
  expect(measuresInWords(['score', 'sessions', 'count', 'count'])).toBe(
    'rate ratios, ratios of absence rates and differences in mean score, in points',
  );
  expect(measuresInWords([])).toBe('');
});
