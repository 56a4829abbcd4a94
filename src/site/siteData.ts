/**
 * Typed, cached access to the results JSON for pages and components, and the lookups MDX
 * components use. Lookups that can fail throw an Error naming the component and the key, so a
 * mistyped key in MDX stops the build with a sentence a researcher can act on.
 */
import { group } from 'd3';
import type {
  Comparison,
  Context,
  ContextShare,
  DatasetFacts,
  Estimate,
  Fact,
  Rate,
  Summary,
} from '../lib/contracts/resultsSchemas.ts';
import { COUNT_MEASURES } from '../lib/contracts/resultsSchemas.ts';
import { readOptionalResults, readResults } from './readResults.ts';

import { authoritySlugs } from './authoritySlugs.ts';
import { calendarSpan, programmeWindows, type ProgrammeWindow } from './programmeChange.ts';

/** An authority as dataset.json lists it. */
export type Authority = DatasetFacts['authorities'][number];

let cache: ReturnType<typeof readSiteData> | undefined;

function readSiteData() {
  return {
    dataset: readResults('dataset.json'),
    estimates: readResults('estimates.json'),
    rates: readResults('rates.json'),
    comparisons: readResults('comparisons.json'),
    notes: readResults('notes.json'),
  };
}

/** The results files the pages need, read once per build. */
export function siteData() {
  cache ??= readSiteData();
  return cache;
}

let contextByLa: Map<string, Context[]> | undefined;
/** Official context rows for one authority (or England, E92000001), sorted by measure and year. */
export function contextFor(laCode: string): Context[] {
  contextByLa ??= group(readOptionalResults('context.json', []), (r) => r.laCode);
  return contextByLa.get(laCode) ?? [];
}

/** One row of summaries.json: % of sessions missed, or a mean score with its interval ("c" when withheld). */
export type SummaryRow = Summary;

let summaryCache: SummaryRow[] | undefined;
/** The rows of summaries.json, which `npm run results` writes only when the trial has sessions or score outcomes. */
export function summaryRows(): SummaryRow[] {
  summaryCache ??= readOptionalResults('summaries.json', []);
  return summaryCache;
}

/** An outcome's kind (the contract's outcome kinds): `count` unless dataset.json says otherwise. */
export function outcomeKind(outcome: string): 'count' | 'sessions' | 'score' {
  return siteData().dataset.outcomes.find((o) => o.outcome === outcome)?.kind ?? 'count';
}

/** England's code in the context table (the one home of it is the CSV contract). */
export { ENGLAND_CODE as ENGLAND } from '../lib/data/schemas.ts';

/** An official count measure as pages name and read it (data/context/measures.csv). */
export type ContextMeasure = NonNullable<DatasetFacts['contextMeasures']>[number];

/**
 * The official count measures in the order pages show them, each with its reader-facing label,
 * whether a lower rate is better and why (data/context/measures.csv). Without that optional file,
 * each measure by its code in the contract's order, with no reading.
 */
export function contextMeasures(): ContextMeasure[] {
  return (
    siteData().dataset.contextMeasures ??
    COUNT_MEASURES.map((measure) => ({ measure, label: measure, direction: 'neutral', directionNote: '' }))
  );
}

/** What each DfE symbol means; symbols are shown as symbols, never as zero. */
export const SYMBOLS: Record<string, string> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
  u: 'low reliability',
  k: 'fewer than 0.5',
  low: 'a small number',
  ':': 'not available',
  '-': 'not applicable or suppressed',
};

/** Which parts of the programme an authority took part in. */
export function participation(laCode: string): { pilot: boolean; trial: boolean } {
  const { dataset, estimates, rates } = siteData();
  const pilot = (dataset.pilot?.sites ?? []).some((s) => s.la_code === laCode);
  const trial = [...estimates, ...rates].some((r) => r.study === 'trial' && r.scope === laCode);
  return { pilot, trial };
}

/** When each study in this build ran, from its data (see programmeChange.ts). */
export function studyWindows(): ProgrammeWindow[] {
  return programmeWindows(siteData().dataset);
}

/** Plain words for an authority's participation, with each study's years: "Pilot (2019) and trial (2020–22)". */
export function participationLabel(p: { pilot: boolean; trial: boolean }): string {
  const parts = studyWindows()
    .filter((w) => p[w.study])
    .map((w) => `${w.study} (${calendarSpan(w)})`);
  if (parts.length === 0) return 'Did not take part';
  const text = parts.join(' and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Every authority with its slug (see authoritySlugs for how clashes are resolved). */
export function authoritiesWithSlugs(): (Authority & { slug: string })[] {
  const slugs = authoritySlugs(siteData().dataset.authorities);
  return siteData().dataset.authorities.map((a) => ({ ...a, slug: slugs.get(a.laCode)! }));
}

/** The reader-facing label of an outcome, from data/outcomes.csv. */
export function outcomeLabel(outcome: string): string {
  return siteData().dataset.outcomes.find((o) => o.outcome === outcome)?.label ?? outcome;
}

/** The authority name for a scope code, or "All authorities" for the overall scope. */
export function scopeLabel(scope: string): string {
  if (scope === 'overall') return 'All authorities';
  return siteData().dataset.authorities.find((a) => a.laCode === scope)?.name ?? scope;
}

export interface EstimateKey {
  study: string;
  outcome: string;
  analysis: string;
  scope?: string | undefined;
}

const keyText = (k: EstimateKey) =>
  `study="${k.study}" outcome="${k.outcome}" analysis="${k.analysis}" scope="${k.scope ?? 'overall'}"`;

/** The computed estimate for a key, as used by the <Estimate> MDX component. */
export function lookupEstimate(k: EstimateKey, rows: readonly Estimate[] = siteData().estimates): Estimate {
  const scope = k.scope ?? 'overall';
  const hit = rows.find(
    (r) => r.study === k.study && r.outcome === k.outcome && r.analysis === k.analysis && r.scope === scope,
  );
  if (!hit) {
    const keys = [
      ...new Set(
        rows.filter((r) => r.scope === 'overall').map((r) => `${r.study}/${r.outcome}/${r.analysis}`),
      ),
    ].join(', ');
    throw new Error(
      `<Estimate ${keyText(k)} />: no such estimate in estimates.json. Check the spelling in the MDX file; estimates that exist (study/outcome/analysis): ${keys}.`,
    );
  }
  return hit;
}

/** The published estimate for a key, as used by the <Published> MDX component. */
export function lookupPublished(
  k: EstimateKey,
  rows: readonly Comparison[] = siteData().comparisons,
): Comparison {
  const scope = k.scope ?? 'overall';
  const hit = rows.find(
    (r) => r.study === k.study && r.outcome === k.outcome && r.analysis === k.analysis && r.scope === scope,
  );
  if (!hit) {
    const keys = rows.map((r) => `${r.study}/${r.outcome}/${r.analysis}`).join(', ');
    throw new Error(
      `<Published ${keyText(k)} />: no published estimate with this key in comparisons.json (from data/published/estimates.csv). Published estimates that exist: ${keys || 'none'}.`,
    );
  }
  return hit;
}

export interface RateKey {
  study: string;
  outcome: string;
  group: string;
  period: string;
  scope?: string | undefined;
}

/** The descriptive rate per 1,000 pupils a year for a key, as used by the <Rate> MDX component. */
export function lookupRate(k: RateKey, rows: readonly Rate[] = siteData().rates): Rate {
  const scope = k.scope ?? 'overall';
  const hit = rows.find(
    (r) =>
      r.study === k.study &&
      r.outcome === k.outcome &&
      r.group === k.group &&
      r.period === k.period &&
      r.scope === scope,
  );
  if (!hit) {
    const keys = [
      ...new Set(
        rows
          .filter((r) => r.scope === 'overall')
          .map((r) => `${r.study}/${r.outcome}/${r.group}/${r.period}`),
      ),
    ].join(', ');
    throw new Error(
      `<Rate study="${k.study}" outcome="${k.outcome}" group="${k.group}" period="${k.period}" scope="${scope}" />: no such rate in rates.json. Check the spelling in the MDX file; rates that exist (study/outcome/group/period): ${keys}.`,
    );
  }
  return hit;
}

let sharesByLa: Map<string, ContextShare[]> | undefined;
/** Official percentages (the share of referrals made by schools) for one authority or England. */
export function contextSharesFor(laCode: string): ContextShare[] {
  sharesByLa ??= group(readOptionalResults('context-shares.json', []), (r) => r.laCode);
  return sharesByLa.get(laCode) ?? [];
}

let facts: Fact[] | undefined;

/** The published fact for a key, as used by the <Fact> MDX component (facts.json, from data/published/facts.csv). */
export function lookupFact(id: string, rows: readonly Fact[] = (facts ??= readResults('facts.json'))): Fact {
  const hit = rows.find((r) => r.fact === id);
  if (!hit) {
    throw new Error(
      `<Fact id="${id}" />: no such fact in facts.json (from data/published/facts.csv). Check the spelling in the MDX file; facts that exist: ${rows.map((r) => r.fact).join(', ') || 'none'}.`,
    );
  }
  return hit;
}
