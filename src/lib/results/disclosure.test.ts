import { describe, expect, test } from 'vitest';
import { isPrimarySuppressed, suppressedCells } from './disclosure.ts';

describe('primary rule', () => {
  test('counts from 1 to 9 are suppressed and 0 and 10 are not', () => {
    expect([0, 1, 5, 9, 10, 250].map((n) => isPrimarySuppressed(n))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  test('the threshold is configurable', () => {
    expect(isPrimarySuppressed(10, 10)).toBe(true);
    expect(isPrimarySuppressed(4, 3)).toBe(false);
  });
  test('a negative or fractional count is a programming error named by the function', () => {
    expect(() => isPrimarySuppressed(-1)).toThrow(/isPrimarySuppressed: count/);
    expect(() => isPrimarySuppressed(2.5)).toThrow(RangeError);
  });
});

describe('secondary rule', () => {
  test('the next smallest part is suppressed when one hidden part could be recovered from the total', () => {
    const s = suppressedCells([
      {
        total: { key: 'all', count: 40 },
        parts: [
          { key: 'a', count: 3 },
          { key: 'b', count: 12 },
          { key: 'd', count: 25 },
        ],
      },
    ]);
    expect([...s].sort()).toEqual(['a', 'b']);
  });
  test('no secondary suppression when two parts are already hidden', () => {
    const s = suppressedCells([
      {
        total: { key: 'all', count: 40 },
        parts: [
          { key: 'a', count: 3 },
          { key: 'b', count: 4 },
          { key: 'd', count: 33 },
        ],
      },
    ]);
    expect([...s].sort()).toEqual(['a', 'b']);
  });
  test('zero parts are never suppressed, so the total goes when no non-zero part is left', () => {
    const s = suppressedCells([
      {
        total: { key: 'all', count: 5 },
        parts: [
          { key: 'a', count: 5 },
          { key: 'b', count: 0 },
        ],
      },
    ]);
    expect([...s].sort()).toEqual(['a', 'all']);
  });
  test('a hidden total needs no secondary suppression', () => {
    const s = suppressedCells([
      {
        total: { key: 'all', count: 7 },
        parts: [
          { key: 'a', count: 7 },
          { key: 'b', count: 0 },
        ],
      },
    ]);
    expect([...s].sort()).toEqual(['a', 'all']);
  });
  test('suppression cascades across groups that share a cell', () => {
    // 'b' is suppressed to protect 'a' in the first group, which exposes 'b' in the second group.
    const s = suppressedCells([
      {
        total: { key: 't1', count: 30 },
        parts: [
          { key: 'a', count: 2 },
          { key: 'b', count: 11 },
          { key: 'x', count: 17 },
        ],
      },
      {
        total: { key: 't2', count: 60 },
        parts: [
          { key: 'b', count: 11 },
          { key: 'y', count: 20 },
          { key: 'z', count: 29 },
        ],
      },
    ]);
    expect([...s].sort()).toEqual(['a', 'b', 'y']);
  });
  test('after suppression no group has exactly one hidden part under a published total', () => {
    const groups = [
      {
        total: { key: 'T', count: 100 },
        parts: [1, 15, 0, 30, 54].map((c, i) => ({ key: `p${i}`, count: c })),
      },
    ];
    const s = suppressedCells(groups);
    for (const g of groups) {
      const hidden = g.parts.filter((p) => s.has(p.key)).length;
      expect(s.has(g.total.key) || hidden !== 1).toBe(true);
    }
  });
});
