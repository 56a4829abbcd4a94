/**
 * A finding stated in words chosen from its interval, in the manner of GRADE and Cochrane
 * plain-language summaries (Santesso et al., J Clin Epidemiol 2020;119:126–135): the words follow
 * from where the 95% confidence interval lies relative to a band of "little or no difference"
 * that the researcher declares per outcome (data/outcomes.csv, `no_difference_band`), never from
 * text typed beside the number.
 *
 * For a rate ratio the band is a percentage change in the rate: 10 means ratios from 0.90 to
 * 1.10. A value exactly on a band edge counts as inside the band.
 *
 * | where the interval lies                                        | verdict                              |
 * | -------------------------------------------------------------- | ------------------------------------ |
 * | wholly inside the band                                         | makes little or no difference        |
 * | wholly above (below) the band                                  | increases (reduces)                  |
 * | across one edge, estimate above (below) the band               | may increase (may reduce)            |
 * | across one edge, estimate inside the band                      | may make little or no difference     |
 * | across both edges                                              | may increase or reduce: cannot tell  |
 */
import { formatNumber } from './formatNumber.ts';

/** What the interval lets a reader be told, from the most to the least certain. */
export type EffectVerdict =
  | 'little_or_no_difference'
  | 'increases'
  | 'reduces'
  | 'may_increase'
  | 'may_reduce'
  | 'may_make_little_or_no_difference'
  | 'uncertain';

/** A rate ratio and its 95% interval. */
export interface RatioInterval {
  estimate: number;
  ciLow: number;
  ciHigh: number;
}

function checkInterval(fn: string, r: RatioInterval, bandPercent: number): void {
  for (const [k, v] of [
    ['estimate', r.estimate],
    ['ciLow', r.ciLow],
    ['ciHigh', r.ciHigh],
  ] as const)
    if (!(Number.isFinite(v) && v > 0))
      throw new RangeError(`${fn}: ${k} must be a ratio above 0, found ${v}`);
  if (!(r.ciLow <= r.estimate && r.estimate <= r.ciHigh))
    throw new RangeError(
      `${fn}: expected ciLow ≤ estimate ≤ ciHigh, found ${r.ciLow}, ${r.estimate}, ${r.ciHigh}`,
    );
  if (!(Number.isFinite(bandPercent) && bandPercent > 0 && bandPercent < 100))
    throw new RangeError(`${fn}: bandPercent must be above 0 and below 100, found ${bandPercent}`);
}

/**
 * The verdict for a rate ratio's interval against a band of ±`bandPercent`% around 1.
 *
 * @example classifyRatio({ estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 }, 10) // 'may_make_little_or_no_difference'
 */
export function classifyRatio(r: RatioInterval, bandPercent: number): EffectVerdict {
  checkInterval('classifyRatio', r, bandPercent);
  const lower = 1 - bandPercent / 100;
  const upper = 1 + bandPercent / 100;
  const inside = (x: number) => x >= lower && x <= upper;
  if (inside(r.ciLow) && inside(r.ciHigh)) return 'little_or_no_difference';
  if (r.ciLow > upper) return 'increases';
  if (r.ciHigh < lower) return 'reduces';
  if (r.ciLow < lower && r.ciHigh > upper) return 'uncertain';
  if (r.estimate > upper) return 'may_increase';
  if (r.estimate < lower) return 'may_reduce';
  return 'may_make_little_or_no_difference';
}

/** One end of an interval as a change in the rate, e.g. 0.955 → "4.5% fewer", 1 → "no change". */
export function ratioAsChange(ratio: number): string {
  const percent = (ratio - 1) * 100;
  const text = formatNumber(Math.abs(percent), 1);
  if (text === formatNumber(0, 1)) return 'no change';
  return `${text}% ${percent < 0 ? 'fewer' : 'more'}`;
}

/** A rate ratio's interval in plain words, e.g. "from 4.5% fewer to 16.6% more". */
export function ratioIntervalInWords(r: Pick<RatioInterval, 'ciLow' | 'ciHigh'>): string {
  return `from ${ratioAsChange(r.ciLow)} to ${ratioAsChange(r.ciHigh)}`;
}

const VERB_PHRASES: Record<EffectVerdict, (outcome: string) => string> = {
  little_or_no_difference: (o) => `makes little or no difference to ${o}`,
  may_make_little_or_no_difference: (o) => `may make little or no difference to ${o}`,
  increases: (o) => `increases ${o}`,
  reduces: (o) => `reduces ${o}`,
  may_increase: (o) => `may increase ${o}`,
  may_reduce: (o) => `may reduce ${o}`,
  uncertain: (o) => `may increase or reduce ${o}: the data cannot tell which`,
};

/**
 * A finding as one clause (no full stop), its verdict, and the interval in words.
 *
 * @example describeRatio({ subject: 'SWIS', outcome: 'Section 47 enquiries', interval: { estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 }, bandPercent: 10 }).text
 * // 'SWIS may make little or no difference to Section 47 enquiries (95% confidence interval: from 4.5% fewer to 16.6% more)'
 */
export function describeRatio(input: {
  subject: string;
  outcome: string;
  interval: RatioInterval;
  bandPercent: number;
}): { verdict: EffectVerdict; interval: string; text: string } {
  const verdict = classifyRatio(input.interval, input.bandPercent);
  const interval = ratioIntervalInWords(input.interval);
  return {
    verdict,
    interval,
    text: `${input.subject} ${VERB_PHRASES[verdict](input.outcome)} (95% confidence interval: ${interval})`,
  };
}
