/**
 * "What changed" between two releases, in words, for one study: the follow-up length, then the
 * headline rate ratio of every outcome (moved, unchanged, added or removed). Numbers go through
 * the site's one formatting module at two decimals, the precision a reader compares at.
 */
import type { Estimate } from '../contracts/resultsSchemas.ts';
import { formatNumber } from '../format/formatNumber.ts';
import type { ReleaseRecord } from './releaseRecord.ts';

/** The estimate fields the comparison reads (a subset of an estimates.json row). */
export type ReleaseEstimate = Pick<
  Estimate,
  'study' | 'outcome' | 'analysis' | 'scope' | 'estimate' | 'ciLow' | 'ciHigh' | 'effect'
>;

/** One release as the comparison needs it: its record and its archived estimates. */
export interface ReleaseSnapshot {
  record: ReleaseRecord;
  estimates: readonly ReleaseEstimate[];
}

/** The analysis whose rate ratios a study's findings lead with. */
export const HEADLINE_ANALYSIS: Readonly<Record<string, string>> = { trial: 'adjusted', pilot: 'did' };

/**
 * A label inside a sentence: "Referrals to children's social care" → "referrals to children's
 * social care", but "Section 47 enquiries" and acronyms ("ICPC …") keep their capitals.
 */
export function labelInSentence(label: string): string {
  const [first = '', second = ''] = label.split(/\s+/);
  // "Section 47 …" and "Attainment 8 …" are names; so are acronyms ("ICPC …").
  if (first === 'Section' || /^\d+$/.test(second) || /^[A-Z0-9]{2,}$/.test(first)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** "a", "a and b", "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const ratio = (e: ReleaseEstimate) =>
  `${formatNumber(e.estimate, 2)}${e.effect === 'mean_difference' ? ' points' : ''} (${formatNumber(e.ciLow, 2)} to ${formatNumber(e.ciHigh, 2)})`;

/** What an estimate measures, in a sentence: a difference in mean score is never called a ratio. */
const measure = (e: ReleaseEstimate) =>
  e.effect === 'mean_difference' ? 'difference in mean score' : 'rate ratio';

/**
 * The changes in `study` from release `older` to release `newer`, one phrase each, in outcome
 * order of the newer release (outcomes only in the older one last). An empty list means the
 * study has no headline estimates in either release.
 *
 * Example: "the rate ratio for Section 47 enquiries moved from 1.02 (0.90 to 1.15) to 1.06
 * (0.96 to 1.17)".
 */
export function describeChanges(study: string, older: ReleaseSnapshot, newer: ReleaseSnapshot): string[] {
  const analysis = HEADLINE_ANALYSIS[study];
  if (!analysis) return [];
  const headline = (s: ReleaseSnapshot) =>
    new Map(
      s.estimates
        .filter((e) => e.study === study && e.analysis === analysis && e.scope === 'overall')
        .map((e) => [e.outcome, e]),
    );
  const before = headline(older);
  const after = headline(newer);
  if (before.size === 0 && after.size === 0) return [];

  const labels = new Map(
    [...older.record.outcomes, ...newer.record.outcomes].map((o) => [o.outcome, o.label]),
  );
  const order = [
    ...newer.record.outcomes.map((o) => o.outcome),
    ...older.record.outcomes
      .map((o) => o.outcome)
      .filter((o) => !newer.record.outcomes.some((n) => n.outcome === o)),
  ];
  const phrases: string[] = [];
  const from = older.record.trialFollowUpMonths;
  const to = newer.record.trialFollowUpMonths;
  if (study === 'trial' && from !== null && to !== null && from !== to) {
    phrases.push(
      `follow-up ${to > from ? 'extended' : 'shortened'} from ${formatNumber(from)} to ${formatNumber(to)} months`,
    );
  }
  const unchanged: string[] = [];
  const unchangedDifferences: string[] = [];
  for (const outcome of order) {
    const label = labelInSentence(labels.get(outcome) ?? outcome);
    const b = before.get(outcome);
    const a = after.get(outcome);
    if (b && a) {
      if (ratio(b) === ratio(a))
        (a.effect === 'mean_difference' ? unchangedDifferences : unchanged).push(label);
      else phrases.push(`the ${measure(a)} for ${label} moved from ${ratio(b)} to ${ratio(a)}`);
    } else if (a) {
      phrases.push(`${label} added, with a ${measure(a)} of ${ratio(a)}`);
    } else if (b) {
      phrases.push(`${label} removed; the ${measure(b)} was ${ratio(b)}`);
    }
  }
  // Unchanged outcomes last and together: readers look for what moved.
  if (unchanged.length > 0) {
    const all =
      unchangedDifferences.length === 0 &&
      unchanged.length === before.size &&
      unchanged.length === after.size;
    phrases.push(
      unchanged.length === 1
        ? `the rate ratio for ${unchanged[0]} did not change`
        : `the rate ratios for ${all ? 'all outcomes' : listInWords(unchanged)} did not change`,
    );
  }
  if (unchangedDifferences.length > 0)
    phrases.push(
      `the ${unchangedDifferences.length === 1 ? 'difference in mean score' : 'differences in mean score'} for ${listInWords(unchangedDifferences)} did not change`,
    );
  return phrases;
}

/** The phrases as one sentence: "Between release A and release B: x; y; z." */
export function changesSentence(older: string, newer: string, phrases: readonly string[]): string {
  if (phrases.length === 0)
    return `No estimates for this study changed between release ${older} and release ${newer}.`;
  return `Between release ${older} and release ${newer}: ${phrases.join('; ')}.`;
}
