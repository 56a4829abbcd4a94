import { expect, it } from 'vitest';
import { formatList } from './formatList.ts';

it('joins items in words with no comma before "and", and gives nothing for no items', () => {
  expect(formatList(['the trial', 'the pilot', 'the map'])).toBe('the trial, the pilot and the map');
  expect(formatList(['the trial', 'the pilot'])).toBe('the trial and the pilot');
  expect(formatList(['the trial'])).toBe('the trial');
  expect(formatList([])).toBe('');
});
