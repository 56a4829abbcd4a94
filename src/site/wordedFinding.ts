/**
 * A finding in words chosen from its interval (GRADE style; src/lib/format/effectInWords.ts), for
 * <Verdict> and the result figure: the estimate (published or computed) for a key, the band of
 * little or no difference its outcome declares (`no_difference_band` in data/outcomes.csv), and
 * the sentence they give. The outcome's words go where `outcome` says (the caller may put HTML
 * there). Fails, naming the component, for a score (worded as a ratio it would mislead) or an
 * outcome with no band.
 */
import { describeRatio, type EffectVerdict } from '../lib/format/effectInWords.ts';
import type { Estimate } from '../lib/contracts/resultsSchemas.ts';
import { lookupEstimate, lookupPublished, siteData, type EstimateKey } from './siteData.ts';

/** What a worded finding rests on and says. */
export interface WordedFinding {
  /** The estimate and its interval, as published or as computed. */
  interval: { estimate: number; ciLow: number; ciHigh: number };
  /** The published estimate's source, when `published`. */
  source: { title: string; url: string } | null;
  /** The outcome's band of little or no difference, in percent either side of 1. */
  bandPercent: number;
  /** The outcome's label from data/outcomes.csv. */
  label: string;
  verdict: EffectVerdict;
  /** The interval in words, e.g. "from 4.5% fewer to 16.6% more". */
  intervalText: string;
  /** The whole clause, with `outcome` where the outcome's words go. */
  text: string;
}

/**
 * The worded finding for `key`, as <`component`> names it in errors.
 *
 * @example wordedFinding({ study: 'trial', outcome: 's47', analysis: 'adjusted' }, { published: true, subject: 'SWIS', outcome: 'child protection enquiries', component: 'Verdict' }).text
 * // 'SWIS may make little or no difference to child protection enquiries (95% confidence interval: from 4.5% fewer to 16.6% more)'
 */
export function wordedFinding(
  key: EstimateKey,
  options: { published: boolean; subject: string; outcome?: string; component: string },
  estimates: readonly Estimate[] = siteData().estimates,
): WordedFinding {
  const { study, outcome, analysis } = key;
  const tag = `<${options.component} study="${study}" outcome="${outcome}" analysis="${analysis}" />`;
  const published = options.published ? lookupPublished(key).published : null;
  const e = published ?? lookupEstimate(key, estimates);
  // Only rate ratios are worded so far; a difference in means must not be read as a ratio.
  if ('effect' in e && e.effect === 'mean_difference')
    throw new Error(
      `${tag}: "${outcome}" is a score, estimated as a difference in means, and <${options.component}> words only rate ratios so far. Use <Estimate> for the number.`,
    );
  const o = siteData().dataset.outcomes.find((x) => x.outcome === outcome);
  const band = o?.no_difference_band ?? null;
  if (band === null)
    throw new Error(
      `${tag}: outcome "${outcome}" has no band of little or no difference, so its finding cannot be put in words. Give it one in the column no_difference_band of data/outcomes.csv (e.g. 10 for rate ratios from 0.90 to 1.10), or use <Estimate> for the number alone.`,
    );
  const label = o?.label ?? outcome;
  const interval = { estimate: e.estimate, ciLow: e.ciLow, ciHigh: e.ciHigh };
  const finding = describeRatio({
    subject: options.subject,
    outcome: options.outcome ?? label,
    interval,
    bandPercent: band,
  });
  return {
    interval,
    source: published ? { title: published.sourceTitle, url: published.sourceUrl } : null,
    bandPercent: band,
    label,
    verdict: finding.verdict,
    intervalText: finding.interval,
    text: finding.text,
  };
}
