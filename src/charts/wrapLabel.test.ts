import { describe, expect, it } from 'vitest';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('Lambeth', 130, 13)).toEqual(['Lambeth']);
  });

  it('splits a long label on spaces into at most two lines', () => {
    expect(wrapLabel('Children looked after by the authority', 120, 13)).toEqual([
      'Children looked',
      'after by the authority',
    ]);
  });

  it('emits escaped tspans centred on the row', () => {
    expect(wrappedText(['A & B', '<c>'], 4, 50, 10)).toBe(
      '<text x="4" y="47.7"><tspan x="4">A &amp; B</tspan><tspan x="4" dy="11">&lt;c&gt;</tspan></text>',
    );
  });
});
