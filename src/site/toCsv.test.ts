import { expect, test } from 'vitest';
import { toCsv } from './toCsv.ts';

test('nested objects become dotted columns and nulls empty cells', () => {
  expect(
    toCsv([
      { a: 1, b: { c: 'x' } },
      { a: null, b: { c: 'y' } },
    ]),
  ).toBe('a,b.c\r\n1,x\r\n,y\r\n');
});

test('cells with commas or quotes are quoted', () => {
  expect(toCsv([{ name: 'Kingston upon Hull, City of', q: 'say "hi"' }])).toBe(
    'name,q\r\n"Kingston upon Hull, City of","say ""hi"""\r\n',
  );
});
