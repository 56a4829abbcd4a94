/**
 * The trial's published overall adjusted result of an outcome: the one comparison that a school's
 * natural frequencies, an authority's calculator and an authority page's "schools here" draw on.
 * Its key is written here once, so those places cannot come to disagree about which result they use.
 */
import type { Comparison } from '../lib/contracts/resultsSchemas.ts';
import { lookupPublished, siteData, type EstimateKey } from './siteData.ts';

/** The key of the trial's overall adjusted result of `outcome` (its scope is overall by default). */
export function trialKey(outcome: string): EstimateKey {
  return { study: 'trial', outcome, analysis: 'adjusted' };
}

/**
 * The trial's published overall adjusted comparison of `outcome` or, with no outcome, the first
 * comparisons.json lists (the primary outcome); undefined when there is none.
 */
export function findTrialComparison(
  comparisons: readonly Comparison[],
  outcome?: string,
): Comparison | undefined {
  return comparisons.find(
    (c) =>
      c.study === 'trial' &&
      c.analysis === 'adjusted' &&
      c.scope === 'overall' &&
      (outcome === undefined || c.outcome === outcome),
  );
}

/**
 * The trial's published overall adjusted comparison of `outcome`; throws {@link lookupPublished}'s
 * error, naming the key and the published estimates that exist, when there is none.
 */
export function trialComparison(
  outcome: string,
  comparisons: readonly Comparison[] = siteData().comparisons,
): Comparison {
  return lookupPublished(trialKey(outcome), comparisons);
}
