/** The rows of a table indexed by a key made of a few of its columns (see {@link indexCompoundKeys}). */
export interface CompoundKeyIndex {
  /** Rows whose key appeared before: [row, the first row with that key], both 0-based, in row order. */
  duplicates: [row: number, first: number][];
  /** Whether some row has exactly these key parts. */
  has(parts: readonly string[]): boolean;
}

/**
 * Indexes rows by a compound key such as school × month × outcome, to find repeated keys and
 * answer "is this combination present?".
 *
 * Why not a Set of joined strings: at national scale that is two million long strings, each
 * built, hashed and kept (seconds and hundreds of MB). Here each part is numbered through a small
 * dictionary of its distinct values (20,000 schools, 24 months, 4 outcomes), and the key is the
 * mixed-radix number of those ids; when the space of such numbers is at most a few times the row
 * count — the usual case, as complete data fills it — presence is one slot of a typed array,
 * otherwise a Map from number to row.
 *
 * @example indexCompoundKeys([{ a: 'x', b: '1' }, { a: 'x', b: '1' }], [(r) => r.a, (r) => r.b]).duplicates // [[1, 0]]
 */
export function indexCompoundKeys<T>(
  rows: readonly T[],
  parts: readonly ((row: T) => string)[],
): CompoundKeyIndex {
  const n = rows.length;
  const dictionaries = parts.map(() => new Map<string, number>());
  const ids = parts.map(() => new Int32Array(n));
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    for (let k = 0; k < parts.length; k++) {
      const dictionary = dictionaries[k]!;
      const value = parts[k]!(row);
      let id = dictionary.get(value);
      if (id === undefined) dictionary.set(value, (id = dictionary.size));
      ids[k]![i] = id;
    }
  }
  const sizes = dictionaries.map((d) => d.size);
  const space = sizes.reduce((a, b) => a * b, 1);
  // Slots hold row + 1, so that 0 means empty. Past 2⁵³ the numbers would collide, so such a
  // (pathological) key space is keyed by the ids joined instead.
  const dense = space <= 4 * n + 1024 ? new Int32Array(space) : null;
  const sparse = new Map<number | string, number>();
  const keyOf = (partIds: (k: number) => number): number | string => {
    if (space > Number.MAX_SAFE_INTEGER) return parts.map((_, k) => partIds(k)).join(',');
    let key = 0;
    for (let k = 0; k < parts.length; k++) key = key * sizes[k]! + partIds(k);
    return key;
  };
  const get = (key: number | string): number =>
    dense !== null ? dense[key as number]! : (sparse.get(key) ?? 0);
  const duplicates: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const key = keyOf((k) => ids[k]![i]!);
    const first = get(key);
    if (first !== 0) duplicates.push([i, first - 1]);
    else if (dense !== null) dense[key as number] = i + 1;
    else sparse.set(key, i + 1);
  }
  return {
    duplicates,
    has(values) {
      if (values.length !== parts.length)
        throw new RangeError(`indexCompoundKeys: has() needs ${parts.length} parts, got ${values.length}`);
      const partIds: number[] = [];
      for (let k = 0; k < parts.length; k++) {
        const id = dictionaries[k]!.get(values[k]!);
        if (id === undefined) return false;
        partIds.push(id);
      }
      return get(keyOf((k) => partIds[k]!)) !== 0;
    },
  };
}
