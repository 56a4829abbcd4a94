import { describe, expect, test } from 'vitest';
import { excerpt, type ExcerptPart } from './excerpt.ts';

/** The excerpt with marked words in [brackets], to compare as one string. */
const show = (parts: ExcerptPart[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
const words = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `w${i + from}`).join(' ');

describe('excerpt', () => {
  test('marks every word that folds to a matched term, whatever its case or accents', () => {
    expect(show(excerpt('Section 47 enquiries: section 47, Café', ['section', '47', 'cafe']))).toBe(
      '[Section] [47] enquiries: [section] [47], [Café]',
    );
  });

  test('marks whole words only: a term inside a longer word is not a match', () => {
    expect(show(excerpt('Interval in intervals', ['in']))).toBe('Interval [in] intervals');
  });

  test('starts a few words before the first match, with ellipses where it cuts the text', () => {
    const text = `${words(50)} needle ${words(50, 51)}.`;
    expect(show(excerpt(text, ['needle'], 10))).toBe('… w49 w50 [needle] w51 w52 w53 w54 w55 w56 w57 …');
  });

  test('never starts inside a word with an apostrophe', () => {
    expect(show(excerpt(`${words(20)} the school's staff said needle`, ['needle'], 15))).toBe(
      "… school's staff said [needle]",
    );
  });

  test('prefers the stretch where the most different matched words meet', () => {
    const text = `child ${words(40)} child in need ${words(40, 41)}`;
    expect(show(excerpt(text, ['child', 'in', 'need'], 6))).toBe('… w40 [child] [in] [need] w41 w42 …');
  });

  test('with no match it is the start of the text, and a short text is shown whole', () => {
    expect(show(excerpt(words(40), ['zz'], 5))).toBe('w1 w2 w3 w4 w5 …');
    expect(show(excerpt('Short text.', ['zz'], 5))).toBe('Short text.');
  });

  test('rejects a length that is not a whole number of words', () => {
    expect(() => excerpt('x', [], 0)).toThrow(RangeError);
  });
});
