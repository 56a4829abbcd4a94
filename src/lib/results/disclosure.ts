/**
 * Disclosure control for counts drawn from school-level data (see data/README.md and the data
 * contract, "Disclosure control").
 *
 * Primary rule: a count from 1 to `threshold` (default 9) is published as the symbol `c`, and so
 * is every rate or percentage computed from it. Zero is published as zero.
 *
 * Secondary rule: where a published total and all but one of its parts would let a reader
 * recover a suppressed part by subtraction, the next smallest part is suppressed too. Zero
 * parts are never suppressed (the contract shows zero as zero), so the next smallest non-zero
 * published part is chosen; if none is left, the total itself is suppressed.
 */

/** The default threshold: counts 1 to 9 are suppressed. */
export const DEFAULT_THRESHOLD = 9;

/** Whether a single count falls under the primary rule. */
export function isPrimarySuppressed(count: number, threshold: number = DEFAULT_THRESHOLD): boolean {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`isPrimarySuppressed: count must be a whole number ≥ 0, got ${count}`);
  }
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(`isPrimarySuppressed: threshold must be a whole number ≥ 0, got ${threshold}`);
  }
  return count >= 1 && count <= threshold;
}

/** One total with the parts that add up to it. Keys identify cells across groups. */
export interface DisclosureGroup {
  total: { key: string; count: number };
  parts: { key: string; count: number }[];
}

/**
 * Decides which cells to suppress across a set of total/parts groups.
 *
 * Applies the primary rule to every cell, then the secondary rule to each group repeatedly
 * until nothing changes (a cell suppressed in one group can expose another group that shares
 * it). Returns the set of suppressed keys. Deterministic: ties between equally small parts
 * are broken by key order.
 *
 * @example suppressedCells([{ total: { key: 'all', count: 40 }, parts: [{ key: 'a', count: 3 }, { key: 'b', count: 12 }, { key: 'd', count: 25 }] }])
 *   // → Set { 'a', 'b' }: 'a' is 1–9; with only 'a' hidden, 40 − 12 − 25 would reveal it, so 'b' goes too.
 */
export function suppressedCells(
  groups: readonly DisclosureGroup[],
  threshold: number = DEFAULT_THRESHOLD,
): Set<string> {
  const suppressed = new Set<string>();
  for (const group of groups) {
    for (const cell of [group.total, ...group.parts]) {
      if (isPrimarySuppressed(cell.count, threshold)) suppressed.add(cell.key);
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      if (suppressed.has(group.total.key)) continue;
      const hidden = group.parts.filter((p) => suppressed.has(p.key));
      if (hidden.length !== 1) continue;
      // Exactly one hidden part under a published total: it can be recovered by subtraction.
      const candidates = group.parts
        .filter((p) => !suppressed.has(p.key) && p.count > 0)
        .sort((a, b) => a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const next = candidates[0];
      if (next) suppressed.add(next.key);
      else suppressed.add(group.total.key);
      changed = true;
    }
  }
  return suppressed;
}
