import { expect, test } from 'vitest';
import { slug, slugText } from './slug.ts';

test('a one-word authority name becomes its lower-case self', () => {
  expect(slug('Lambeth')).toBe('lambeth');
});

test('commas and spaces collapse to single hyphens', () => {
  expect(slug('Kingston upon Hull, City of')).toBe('kingston-upon-hull-city-of');
  expect(slug('Bristol, City of')).toBe('bristol-city-of');
});

test('hyphens in names survive and no hyphen is left at either end', () => {
  expect(slug('Stockton-on-Tees')).toBe('stockton-on-tees');
  expect(slug(' St. Helens ')).toBe('st-helens');
});

test('a name with nothing usable is refused with the function named', () => {
  expect(() => slug(', ,')).toThrow(/slug:/);
});

test('slugText spells a query as slug does, and leaves nothing usable as an empty string', () => {
  expect(slugText('St Helens')).toBe(slugText('St. Helens'));
  expect(slugText('Hull, CITY')).toBe('hull-city');
  expect(slugText(' – ')).toBe('');
});
