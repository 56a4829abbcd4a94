import { describe, expect, it } from 'vitest';
import { designColumnCount, designMatrix } from './designMatrix.ts';

describe('designMatrix', () => {
  it('codes a factor with the first sorted level as reference, as model.matrix', () => {
    const rows = [
      { x: 1, la: 'b' },
      { x: 2, la: 'a' },
      { x: 3, la: 'c' },
    ];
    expect(designMatrix(rows, [{ numeric: 'x' }, { factor: 'la' }])).toEqual({
      X: [
        [1, 1, 1, 0],
        [1, 2, 0, 0],
        [1, 3, 0, 1],
      ],
      columnNames: ['(Intercept)', 'x', 'lab', 'lac'],
    });
  });
  it('gives rows with the same values one shared array, and others their own', () => {
    const { X } = designMatrix(
      [
        { x: 1, la: 'a' },
        { x: 1, la: 'b' },
        { x: 1, la: 'a' },
        { x: -0, la: 'a' },
        { x: 0, la: 'a' },
      ],
      [{ numeric: 'x' }, { factor: 'la' }],
    );
    expect(X[2]).toBe(X[0]);
    expect(X[1]).not.toBe(X[0]);
    expect(X[3]).not.toBe(X[4]);
    expect(Object.is(X[3]![1], -0)).toBe(true);
  });
  it('keeps apart rows whose values, written one after another, read the same', () => {
    // 'ab' + 'c' and 'a' + 'bc' are the same text run together, and '1:a' hides a length prefix.
    const rows = [
      { f: 'ab', g: 'c' },
      { f: 'a', g: 'bc' },
      { f: '1:a', g: '1:b' },
      { f: '1', g: 'a1:b' },
    ];
    const { X, columnNames } = designMatrix(rows, [{ factor: 'f' }, { factor: 'g' }]);
    expect(columnNames).toEqual(['(Intercept)', 'f1:a', 'fa', 'fab', 'ga1:b', 'gbc', 'gc']);
    expect(X).toEqual([
      [1, 0, 0, 1, 0, 0, 1],
      [1, 0, 1, 0, 0, 1, 0],
      [1, 1, 0, 0, 0, 0, 0],
      [1, 0, 0, 0, 1, 0, 0],
    ]);
  });
  it('adds no column for a factor with one level', () => {
    expect(designMatrix([{ la: 'a' }, { la: 'a' }], [{ factor: 'la' }]).columnNames).toEqual(['(Intercept)']);
  });
  it('throws a RangeError naming the row and column for a non-numeric value', () => {
    expect(() => designMatrix([{ x: 'one' }], [{ numeric: 'x' }])).toThrow(/designMatrix: rows\[0\]\.x/);
  });
});

describe('designColumnCount', () => {
  it('counts the columns designMatrix gives, a single-level factor giving none', () => {
    const rows = [
      { x: 1, la: 'b', one: 'z' },
      { x: 2, la: 'a', one: 'z' },
      { x: 3, la: 'c', one: 'z' },
      { x: 4, la: 'a', one: 'z' },
    ];
    for (const terms of [
      [{ numeric: 'x' }, { factor: 'la' }],
      [{ factor: 'la' }],
      [{ numeric: 'x' }, { factor: 'one' }],
      [],
    ])
      expect(designColumnCount(rows, terms)).toBe(designMatrix(rows, terms).columnNames.length);
  });
});
