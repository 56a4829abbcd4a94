/**
 * Descriptive rates per 1,000 pupils per year with exact Poisson 95% intervals, by study,
 * scope (overall or an authority), arm or group, period and outcome — and the change in each
 * authority's rate between periods. Disclosure control is applied here, because these are the
 * only published numbers derived directly from school-level counts.
 */
import { SUPPRESSED, type Change, type Published, type Rate } from '../contracts/resultsSchemas.ts';
import type { Cell } from '../data/cells.ts';
import { poissonRateIntervals } from '../stats/poissonExactInterval.ts';
import { suppressedCells, type DisclosureGroup } from './disclosure.ts';

interface Aggregate {
  study: 'pilot' | 'trial';
  outcome: string;
  scope: string;
  group: string;
  period: string;
  schools: Set<string>;
  count: number;
  years: number;
}

const key = (...parts: string[]) => parts.join('|');

/**
 * Aggregates the table of cells (src/lib/data/cells.ts) to rates overall and per authority, applies disclosure control (primary and
 * secondary, with each overall total and its authority parts as one group), and returns rate
 * rows and per-authority change rows, sorted.
 */
export function computeRates(
  study: 'pilot' | 'trial',
  cells: readonly Cell[],
  periodOrder: readonly [string, string],
  threshold: number,
): { rates: Rate[]; changes: Change[] } {
  const aggs = new Map<string, Aggregate>();
  // Each cell's two aggregates (overall and its authority's), found through its school's node:
  // schools of one authority and group share a node, which holds the pairs by outcome and
  // period. Why: a national table's hundreds of thousands of cells then look up three Map
  // entries each (the school by identity) instead of building and hashing two key strings.
  // `aggs` keeps the order in which each aggregate was first seen, as before.
  type Node = Map<string, Map<string, [Aggregate, Aggregate]>>;
  const nodes = new Map<string, Node>();
  const nodeOf = new Map<Cell['school'], Node>();
  for (const c of cells) {
    let node = nodeOf.get(c.school);
    if (node === undefined) {
      const k = `${c.school.laCode}\u0000${c.school.group}`;
      node = nodes.get(k);
      if (node === undefined) nodes.set(k, (node = new Map()));
      nodeOf.set(c.school, node);
    }
    let periods = node.get(c.outcome);
    if (periods === undefined) node.set(c.outcome, (periods = new Map()));
    let pair = periods.get(c.period);
    if (pair === undefined)
      periods.set(c.period, (pair = [aggregate(c, 'overall'), aggregate(c, c.school.laCode)]));
    for (const a of pair) {
      a.schools.add(c.school.schoolId);
      a.count += c.count;
      a.years += c.years;
    }
  }
  function aggregate(c: Cell, scope: string): Aggregate {
    const k = key(c.outcome, scope, c.school.group, c.period);
    let a = aggs.get(k);
    if (!a) {
      a = {
        study,
        outcome: c.outcome,
        scope,
        group: c.school.group,
        period: c.period,
        schools: new Set(),
        count: 0,
        years: 0,
      };
      aggs.set(k, a);
    }
    return a;
  }
  const groups = new Map<string, DisclosureGroup>();
  for (const [k, a] of aggs) {
    const gk = key(a.outcome, a.group, a.period);
    let g = groups.get(gk);
    if (!g) {
      g = { total: { key: key(a.outcome, 'overall', a.group, a.period), count: 0 }, parts: [] };
      groups.set(gk, g);
    }
    if (a.scope === 'overall') g.total.count = a.count;
    else g.parts.push({ key: k, count: a.count });
  }
  const hidden = suppressedCells([...groups.values()], threshold);

  const rates: Rate[] = [];
  const rateByKey = new Map<string, Published>();
  const interval = poissonRateIntervals(); // each distinct count's quantiles found once
  for (const [k, a] of aggs) {
    const row: Rate = {
      study,
      outcome: a.outcome,
      scope: a.scope,
      group: a.group,
      period: a.period,
      schools: a.schools.size,
      pupilYears: round(a.years, 4),
      count: SUPPRESSED,
      ratePer1000: SUPPRESSED,
      ciLow: SUPPRESSED,
      ciHigh: SUPPRESSED,
    };
    if (!hidden.has(k)) {
      const ci = interval(a.count, a.years / 1000);
      row.count = a.count;
      row.ratePer1000 = round((a.count / a.years) * 1000, 6);
      row.ciLow = round(ci.low, 6);
      row.ciHigh = round(ci.high, 6);
    }
    rateByKey.set(k, row.ratePer1000);
    rates.push(row);
  }
  rates.sort(
    (a, b) =>
      cmp(a.outcome, b.outcome) || cmp(a.scope, b.scope) || cmp(a.group, b.group) || cmp(a.period, b.period),
  );

  const changes: Change[] = [];
  const [from, to] = periodOrder;
  for (const a of aggs.values()) {
    if (a.period !== from) continue;
    const before = rateByKey.get(key(a.outcome, a.scope, a.group, from));
    const after = rateByKey.get(key(a.outcome, a.scope, a.group, to));
    if (before === undefined || after === undefined) continue;
    changes.push({
      study,
      outcome: a.outcome,
      scope: a.scope,
      group: a.group,
      from,
      to,
      rateBefore: before,
      rateAfter: after,
      change: typeof before === 'number' && typeof after === 'number' ? round(after - before, 6) : SUPPRESSED,
    });
  }
  changes.sort((a, b) => cmp(a.outcome, b.outcome) || cmp(a.scope, b.scope) || cmp(a.group, b.group));
  return { rates, changes };
}

/** Orders scopes with `overall` first, then the rest as strings (for every published table). */
export function cmp(a: string, b: string): number {
  if (a === 'overall' && b !== 'overall') return -1;
  if (b === 'overall' && a !== 'overall') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds to `digits` decimals so that JSON output does not carry float noise. */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
