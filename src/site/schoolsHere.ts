/**
 * What an authority's real rate means for a school there, for its page: for each official measure
 * that data/context/measures.csv links to a study outcome (its `outcome` column) with a published
 * overall adjusted trial estimate, the authority's rate in England's latest year of that measure,
 * and, for schools of each of `sizes` pupils, the events a year expected at it and with the
 * published rate ratio and its interval applied (frequenciesAtRate, the schools page's reckoning).
 * A suppressed or missing rate gives no rows: the page says so and never guesses one from another
 * year.
 */
import type { Comparison, Context } from '../lib/contracts/resultsSchemas.ts';
import { areaRate, frequenciesAtRate, latestRateYear, type AreaRate } from './authorityFrequencies.ts';
import type { ContextMeasure } from './siteData.ts';
import { findTrialComparison } from './trialComparison.ts';

/** One linked measure on one authority's page. */
export interface SchoolHere {
  measure: ContextMeasure & { outcome: string };
  /** England's latest year with a rate of the measure, the year the schools page uses too. */
  year: number;
  local: AreaRate;
  england: AreaRate;
  published: Comparison['published'];
  /** One row per school size; empty when the authority has no rate above zero that year. */
  rows: ReturnType<typeof frequenciesAtRate>[];
}

/**
 * The linked measures of one authority (its context rows `local`, England's `england`), in the
 * order of `measures`. A measure whose outcome has no published overall adjusted trial estimate,
 * or that England has no rate of, is left out.
 */
export function schoolsHere(
  local: readonly Context[],
  england: readonly Context[],
  measures: readonly ContextMeasure[],
  comparisons: readonly Comparison[],
  sizes: readonly number[],
): SchoolHere[] {
  return measures.flatMap((m) => {
    const { outcome } = m;
    if (outcome === undefined) return [];
    const published = findTrialComparison(comparisons, outcome)?.published;
    const year = latestRateYear(england, m.measure);
    if (!published || year === null) return [];
    const here = areaRate(local, m.measure, year);
    const rate = here.ratePer10k;
    return [
      {
        measure: { ...m, outcome },
        year,
        local: here,
        england: areaRate(england, m.measure, year),
        published,
        rows:
          rate !== null && rate > 0 ? sizes.map((pupils) => frequenciesAtRate(pupils, rate, published)) : [],
      },
    ];
  });
}
