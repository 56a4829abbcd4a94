/**
 * How an authority page words its rates against England's (context.json's comparedWithEngland,
 * computed by compareWithBenchmark), and the rows of its opening table of latest rates.
 */
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import { formatNumber } from '../lib/format/formatNumber.ts';
import type { ContextMeasure } from './siteData.ts';

/**
 * The words for one year of one measure: "Higher than England (99.8%)", "Similar to England",
 * "Not compared", …; `short` drops "than England" ("Higher (99.8%)", "Similar") for a table whose
 * column heading already says it.
 */
export function comparisonWords(row: Context | undefined, options: { short?: boolean } = {}): string {
  const c = row?.comparedWithEngland;
  if (!c) return 'Not compared';
  const england = options.short ? '' : c.comparison95 === 'similar' ? ' to England' : ' than England';
  const side = { higher: 'Higher', similar: 'Similar', lower: 'Lower' }[c.comparison95] + england;
  if (c.comparison95 === 'similar') return side;
  return `${side} (${c.comparison998 === c.comparison95 ? '99.8%' : '95%'})`;
}

/** A rate per 10,000 children to one decimal, or the source's symbol ("x" where there is no row). */
export function rateCell(row: Context | undefined): string {
  if (!row) return 'x';
  if (typeof row.ratePer10k === 'number')
    return formatNumber(row.ratePer10k, 1) + (row.symbol ? ` ${row.symbol}` : '');
  return row.symbol ?? 'x';
}

/** One measure's latest year with an England rate: the authority's rate, England's and the words. */
export interface LatestRate {
  measure: ContextMeasure;
  year: number;
  local: Context | undefined;
  england: Context;
}

/**
 * For each measure, its latest year in which England has a rate, with the authority's row for
 * that year (undefined where it has none), in the order of `measures`. Measures England has no
 * rate for are left out.
 */
export function latestRates(
  measures: readonly ContextMeasure[],
  local: readonly Context[],
  england: readonly Context[],
): LatestRate[] {
  return measures.flatMap((measure) => {
    const latest = england
      .filter((r) => r.measure === measure.measure && r.ratePer10k !== null)
      .sort((a, b) => b.year - a.year)[0];
    if (!latest) return [];
    const mine = local.find((r) => r.measure === measure.measure && r.year === latest.year);
    return [{ measure, year: latest.year, local: mine, england: latest }];
  });
}

/**
 * A sentence on which way is better across the measures shown, from their `direction`
 * (data/context/measures.csv): pages then give each measure's own reason.
 */
export function directionSummary(measures: readonly ContextMeasure[]): string {
  const better = measures.filter((m) => m.direction === 'lower_is_better').map((m) => m.label);
  if (better.length === 0)
    return 'For none of these measures is a higher or a lower rate simply better or worse: each measure below says why.';
  if (better.length === measures.length) return 'For each of these measures, a lower rate is better.';
  return `A lower rate is better for ${better.join(', ')}; for the others neither direction is simply better. Each measure below says why.`;
}
