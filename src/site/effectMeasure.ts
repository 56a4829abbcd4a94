/**
 * How an estimate's measure is named and printed, by the kind of its outcome (the contract's
 * outcome kinds): every page, table, chart and download that shows an estimate uses these words,
 * so that a difference in points is never read as a ratio, nor absence as a count of events.
 */
import { formatNumber, formatRateRatio } from '../lib/format/formatNumber.ts';

export type OutcomeKind = 'count' | 'sessions' | 'score';

/** The name of the measure an outcome of this kind is estimated by, as a table heading. */
export function measureName(kind: OutcomeKind, study: 'trial' | 'pilot' | string = 'trial'): string {
  if (kind === 'score') return 'Difference in mean score, points';
  if (kind === 'sessions') return 'Ratio of absence rates';
  return study === 'pilot' ? 'Ratio of rate ratios' : 'Rate ratio';
}

/** Whether estimates of this kind are differences (a linear axis around 0) rather than ratios. */
export function isDifference(kind: OutcomeKind): boolean {
  return kind === 'score';
}

/**
 * An estimate with its interval in words fit for its kind: a ratio as "1.055 (95% CI 0.955 to
 * 1.166)"; a difference in mean score as "−0.16 points (95% CI −0.64 to 0.32)".
 */
export function formatEffect(
  kind: OutcomeKind,
  e: { estimate: number; ciLow: number; ciHigh: number },
): string {
  if (!isDifference(kind)) return formatRateRatio(e);
  return `${formatNumber(e.estimate, 2)} points (95% CI ${formatNumber(e.ciLow, 2)} to ${formatNumber(e.ciHigh, 2)})`;
}

/** measureName in the plural, lower case, for running text. */
const PLURAL: Record<string, string> = {
  'Rate ratio': 'rate ratios',
  'Ratio of rate ratios': 'ratios of rate ratios',
  'Ratio of absence rates': 'ratios of absence rates',
  'Difference in mean score, points': 'differences in mean score, in points',
};

/**
 * The measures of estimates of these kinds, in words for a caption, in the order count, sessions,
 * score: "rate ratios", or "rate ratios, ratios of absence rates and differences in mean score, in points".
 */
export function measuresInWords(
  kinds: Iterable<OutcomeKind>,
  study: 'trial' | 'pilot' | string = 'trial',
): string {
  const present = new Set(kinds);
  const words = (['count', 'sessions', 'score'] as const)
    .filter((k) => present.has(k))
    .map((k) => PLURAL[measureName(k, study)]!);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
