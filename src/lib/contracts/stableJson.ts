/**
 * JSON text with object keys sorted at every level, two-space indentation and a final newline,
 * so the same results always serialise to the same bytes. Non-finite numbers are refused: a NaN
 * in published results is a bug, never a value.
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value, '$'), null, 2)}\n`;
}

/**
 * A copy of a JSON value with object keys sorted at every level: the order the results files
 * hold them in, so a reader that lists a row's keys (a CSV download's columns) sees the file's
 * order whatever order a schema declares them in.
 * Example: sortedKeys({ b: 1, a: { d: 2, c: 3 } }) → { a: { c: 3, d: 2 }, b: 1 }.
 */
export function sortedKeys<T>(value: T): T {
  return sortKeys(value, '$') as T;
}

function sortKeys(value: unknown, path: string): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`stableJson: non-finite number ${value} at ${path}`);
  }
  if (Array.isArray(value)) return value.map((v, i) => sortKeys(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v, `${path}.${k}`);
    }
    return out;
  }
  return value;
}
