import { describe, expect, it } from 'vitest';
import { indexCompoundKeys } from './compoundKeyIndex.ts';

type Row = { school: string; month: string; outcome: string };
const parts = [(r: Row) => r.school, (r: Row) => r.month, (r: Row) => r.outcome];
const row = (school: string, month: string, outcome: string): Row => ({ school, month, outcome });

describe('indexCompoundKeys', () => {
  it('reports each repeated key with the row where it first appeared', () => {
    const rows = [
      row('a', '2020-01', 's47'),
      row('a', '2020-02', 's47'),
      row('a', '2020-01', 's47'),
      row('a', '2020-01', 's47'),
    ];
    expect(indexCompoundKeys(rows, parts).duplicates).toEqual([
      [2, 0],
      [3, 0],
    ]);
  });

  it('answers presence for combinations present, absent, and with unknown parts', () => {
    const index = indexCompoundKeys([row('a', '2020-01', 's47'), row('b', '2020-02', 's17')], parts);
    expect(index.has(['a', '2020-01', 's47'])).toBe(true);
    expect(index.has(['b', '2020-02', 's17'])).toBe(true);
    expect(index.has(['a', '2020-02', 's47'])).toBe(false); // known parts, absent combination
    expect(index.has(['c', '2020-01', 's47'])).toBe(false); // unknown school
    expect(() => index.has(['a', '2020-01'])).toThrow(/indexCompoundKeys: has\(\) needs 3 parts/);
  });

  it('does not confuse keys whose joined text would collide', () => {
    const two = [(r: { a: string; b: string }) => r.a, (r: { a: string; b: string }) => r.b];
    const index = indexCompoundKeys(
      [
        { a: 'x|y', b: 'z' },
        { a: 'x', b: 'y|z' },
      ],
      two,
    );
    expect(index.duplicates).toEqual([]);
    expect(index.has(['x', 'y|z'])).toBe(true);
  });

  it('agrees with a Set of joined keys on sparse and dense key spaces alike', () => {
    // Sparse: every row a new school and month, so the key space is far larger than the rows.
    for (const sparse of [false, true]) {
      const rows: Row[] = [];
      for (let i = 0; i < 500; i++) {
        const s = sparse ? `s${i}` : `s${i % 20}`;
        const m = sparse ? `m${i}` : `m${i % 7}`;
        rows.push(row(s, m, `o${i % 3}`));
      }
      const seen = new Map<string, number>();
      const expected: [number, number][] = [];
      rows.forEach((r, i) => {
        const k = JSON.stringify(parts.map((p) => p(r)));
        const first = seen.get(k);
        if (first === undefined) seen.set(k, i);
        else expected.push([i, first]);
      });
      const index = indexCompoundKeys(rows, parts);
      expect(index.duplicates).toEqual(expected);
      for (const r of rows.slice(0, 50)) expect(index.has(parts.map((p) => p(r)))).toBe(true);
    }
  });
});
