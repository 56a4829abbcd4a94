/** A model term: a numeric column used as is, or a factor column in treatment coding. */
export type DesignTerm = { numeric: string } | { factor: string };

export interface Design {
  /** One array per row; rows with the same values are the same array. */
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
      const levels = factorLevels(rows, name);
      const column = new Map(levels.slice(1).map((level, k) => [level, at + k]));
      for (const level of levels.slice(1)) columnNames.push(`${name}${level}`);
      fills.push((row, out) => {
        const j = column.get(String(row[name]));
        if (j !== undefined) out[j] = 1;
      });
    }
  }
  const p = columnNames.length;
  // Rows with the same term values share one array (X is read, never written). Why: a national
  // pilot design is one row per school and period, 120,000 rows at three times national scale,
  // but group × post × 150 authorities make only 600 distinct rows; as one array of 153 numbers
  // per row it held ~150 MB, most of the results command's peak memory. The values are those
  // of the unshared rows, so every fit on X is the same, bit for bit.
  // (A number's String is exact; -0 is kept apart from 0; each value's text is preceded by its
  // length, which keeps any level's text apart. Built by concatenation rather than as JSON of an
  // array: one key per row, 80,000 rows per national planning.)
  const names = terms.map((term) => ('numeric' in term ? term.numeric : term.factor));
  const key = (row: Readonly<Record<string, unknown>>): string => {
    let k = '';
    for (const name of names) {
      const v = row[name];
      const text = Object.is(v, -0) ? '-0' : String(v);
      k += `${text.length}:${text}`;
    }
    return k;
  };
  const shared = new Map<string, number[]>();
  const X = rows.map((row) => {
    const k = key(row);
    let out = shared.get(k);
    if (out === undefined) {
      out = new Array<number>(p).fill(0);
      out[0] = 1;
      for (const fill of fills) fill(row, out);
      shared.set(k, out);
    }
    return out;
  });
  return { X, columnNames };
}

/**
 * How many columns {@link designMatrix} gives for these rows and terms, without building it: the
 * intercept, one per numeric term, and one fewer than its levels per factor.
 */
export function designColumnCount(
  rows: readonly Readonly<Record<string, unknown>>[],
  terms: readonly DesignTerm[],
): number {
  let columns = 1;
  for (const term of terms) columns += 'numeric' in term ? 1 : factorLevels(rows, term.factor).length - 1;
  return columns;
}

/** A factor's levels in the rows, sorted by code point: the first is the reference level. */
function factorLevels(rows: readonly Readonly<Record<string, unknown>>[], name: string): string[] {
  return [...new Set(rows.map((row) => String(row[name])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
