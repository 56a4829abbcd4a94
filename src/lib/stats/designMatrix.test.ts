import { describe, expect, it } from 'vitest';
import { designMatrix } from './designMatrix.ts';

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
  it('adds no column for a factor with one level', () => {
    expect(designMatrix([{ la: 'a' }, { la: 'a' }], [{ factor: 'la' }]).columnNames).toEqual(['(Intercept)']);
  });
  it('throws a RangeError naming the row and column for a non-numeric value', () => {
    expect(() => designMatrix([{ x: 'one' }], [{ numeric: 'x' }])).toThrow(/designMatrix: rows\[0\]\.x/);
  });
});
