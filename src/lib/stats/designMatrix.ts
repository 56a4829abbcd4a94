/** A model term: a numeric column used as is, or a factor column in treatment coding. */
export type DesignTerm = { numeric: string } | { factor: string };

export interface Design {
  X: number[][];
  /** "(Intercept)", numeric names, and factor columns named name + level, as R does. */
  columnNames: string[];
}

/**
 * Builds a design matrix with an intercept from rows and terms, as R's `model.matrix` with
 * `contr.treatment`: a numeric term is one column; a factor with levels L₁ < … < Lₖ (sorted by
 * code point; the first is the reference) is k − 1 indicator columns named `name` + level. A
 * factor with a single level contributes no column (there is nothing to contrast).
 *
 * @example designMatrix([{ x: 1, la: 'b' }, { x: 2, la: 'a' }], [{ numeric: 'x' }, { factor: 'la' }])
 * // { X: [[1, 1, 1], [1, 2, 0]], columnNames: ['(Intercept)', 'x', 'lab'] }
 */
export function designMatrix(
  rows: readonly Readonly<Record<string, unknown>>[],
  terms: readonly DesignTerm[],
): Design {
  const columnNames = ['(Intercept)'];
  // Each term fills its own columns of a zero row: a numeric term one value, a factor the one
  // indicator of its level (found once per row through a Map, not one comparison per level —
  // a 150-level factor over 40,000 rows would be six million comparisons).
  const fills: ((row: Readonly<Record<string, unknown>>, out: number[]) => void)[] = [];
  for (const term of terms) {
    const at = columnNames.length;
    if ('numeric' in term) {
      const name = term.numeric;
      rows.forEach((row, i) => {
        const v = row[name];
        if (typeof v !== 'number' || !Number.isFinite(v)) {
          throw new RangeError(`designMatrix: rows[${i}].${name} must be a finite number, got ${String(v)}`);
        }
      });
      columnNames.push(name);
      fills.push((row, out) => (out[at] = row[name] as number));
    } else {
      const name = term.factor;
      const levels = [...new Set(rows.map((row) => String(row[name])))].sort((a, b) =>
        a < b ? -1 : a > b ? 1 : 0,
      );
      const column = new Map(levels.slice(1).map((level, k) => [level, at + k]));
      for (const level of levels.slice(1)) columnNames.push(`${name}${level}`);
      fills.push((row, out) => {
        const j = column.get(String(row[name]));
        if (j !== undefined) out[j] = 1;
      });
    }
  }
  const p = columnNames.length;
  const X = rows.map((row) => {
    const out = new Array<number>(p).fill(0);
    out[0] = 1;
    for (const fill of fills) fill(row, out);
    return out;
  });
  return { X, columnNames };
}
