/**
 * Typed, cached access to the results JSON for pages and components, and the lookups MDX
 * components use. Lookups that can fail throw an Error naming the component and the key, so a
 * mistyped key in MDX stops the build with a sentence a researcher can act on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readResults, RESULTS_DIR } from './readResults.ts';
import { authoritySlugs } from './authoritySlugs.ts';
import { calendarSpan, programmeWindows, type ProgrammeWindow } from './programmeChange.ts';

export interface Authority {
  laCode: string;
  name: string;
  region: string;
}
export interface Outcome {
  outcome: string;
  label: string;
  description: string;
  direction: string;
  /** The band of little or no difference, % change in the rate; absent or null when not declared. */
  no_difference_band?: number | null;
  /** `sessions` or `score`; absent for a count (dataset.json writes a count as before kinds). */
  kind?: 'count' | 'sessions' | 'score';
}
export interface Dataset {
  synthetic: boolean;
  description: string | null;
  disclosureThreshold: number;
  outcomes: Outcome[];
  authorities: Authority[];
  pilot: {
    sites: { la_code: string; start_month: string; end_month: string }[];
    schoolsByGroup: Record<string, number>;
  } | null;
  trial: {
    authorities: number;
    schoolsRandomised: number;
    schoolsAnalysed: number;
    pupilsRandomised: number;
    schoolsByArm: Record<string, number>;
    periods: { period: string; start_month: string; end_month: string }[];
  } | null;
}
export interface EstimateRow {
  study: string;
  outcome: string;
  analysis: string;
  scope: string;
  /** Absent in releases made before outcome kinds: those are all rate ratios. */
  effect?: 'rate_ratio' | 'mean_difference';
  model: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  schools: number;
}
export type Cell = number | string;
export interface RateRow {
  study: string;
  outcome: string;
  group: string;
  period: string;
  scope: string;
  count: Cell;
  pupilYears: Cell;
  ratePer1000: Cell;
  ciLow: Cell;
  ciHigh: Cell;
  schools: number;
}
export interface PublishedEstimate {
  estimate: number;
  ciLow: number;
  ciHigh: number;
  sourceTitle: string;
  sourceUrl: string;
}
export interface Comparison {
  study: string;
  outcome: string;
  analysis: string;
  scope: string;
  followUpMonths: number | null;
  published: PublishedEstimate;
  computed: EstimateRow | null;
  computedInsidePublishedInterval: boolean | null;
}
export interface ContextRow {
  laCode: string;
  year: number;
  measure: string;
  value: number | null;
  symbol: string | null;
  ratePer10k: number | null;
  publishedRatePer10k?: number;
}
export interface Note {
  study: string;
  outcome: string;
  analysis: string;
  scope: string;
  kind: string;
  reason: string;
}

let cache:
  | { dataset: Dataset; estimates: EstimateRow[]; rates: RateRow[]; comparisons: Comparison[]; notes: Note[] }
  | undefined;

/** The results files the pages need, read once per build. */
export function siteData() {
  cache ??= {
    dataset: readResults<Dataset>('dataset.json'),
    estimates: readResults<EstimateRow[]>('estimates.json'),
    rates: readResults<RateRow[]>('rates.json'),
    comparisons: readResults<Comparison[]>('comparisons.json'),
    notes: readResults<Note[]>('notes.json'),
  };
  return cache;
}

let contextByLa: Map<string, ContextRow[]> | undefined;
/** Official context rows for one authority (or England, E92000001), sorted by measure and year. */
export function contextFor(laCode: string): ContextRow[] {
  if (!contextByLa) {
    contextByLa = new Map();
    for (const r of readResults<ContextRow[]>('context.json')) {
      const list = contextByLa.get(r.laCode) ?? [];
      list.push(r);
      contextByLa.set(r.laCode, list);
    }
  }
  return contextByLa.get(laCode) ?? [];
}

/** One row of summaries.json: % of sessions missed, or a mean score with its interval ("c" when withheld). */
export interface SummaryRow {
  study: string;
  kind: 'sessions' | 'score';
  outcome: string;
  scope: string;
  group: string;
  period: string;
  schools: number;
  sessionsMissed?: Cell;
  sessionsPossible?: Cell;
  percentMissed?: Cell;
  mean?: Cell;
  ciLow?: Cell | null;
  ciHigh?: Cell | null;
}

let summaryCache: SummaryRow[] | undefined;
/** The rows of summaries.json, which `npm run results` writes only when the trial has sessions or score outcomes. */
export function summaryRows(): SummaryRow[] {
  summaryCache ??= existsSync(join(RESULTS_DIR, 'summaries.json'))
    ? readResults<SummaryRow[]>('summaries.json')
    : [];
  return summaryCache;
}

/** An outcome's kind (the contract's outcome kinds): `count` unless dataset.json says otherwise. */
export function outcomeKind(outcome: string): 'count' | 'sessions' | 'score' {
  return siteData().dataset.outcomes.find((o) => o.outcome === outcome)?.kind ?? 'count';
}

export const ENGLAND = 'E92000001';

/** Official measures in the order pages show them, with reader-facing labels. */
export const CONTEXT_MEASURES: { measure: string; label: string }[] = [
  { measure: 'referrals', label: "Referrals to children's social care" },
  { measure: 'cin_starts', label: 'Children in need episodes starting' },
  { measure: 's47_enquiries', label: 'Section 47 (child protection) enquiries' },
  { measure: 'icpc', label: 'Initial child protection conferences' },
  { measure: 'cpp_starts', label: 'Child protection plans starting' },
  { measure: 'cla_starts', label: 'Children starting to be looked after' },
];

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
export function lookupEstimate(
  k: EstimateKey,
  rows: readonly EstimateRow[] = siteData().estimates,
): EstimateRow {
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
export function lookupRate(k: RateKey, rows: readonly RateRow[] = siteData().rates): RateRow {
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

export interface ContextShareRow {
  laCode: string;
  year: number;
  measure: string;
  percent: number | null;
  symbol: string | null;
}
let sharesByLa: Map<string, ContextShareRow[]> | undefined;
/** Official percentages (the share of referrals made by schools) for one authority or England. */
export function contextSharesFor(laCode: string): ContextShareRow[] {
  if (!sharesByLa) {
    sharesByLa = new Map();
    for (const r of readResults<ContextShareRow[]>('context-shares.json')) {
      const list = sharesByLa.get(r.laCode) ?? [];
      list.push(r);
      sharesByLa.set(r.laCode, list);
    }
  }
  return sharesByLa.get(laCode) ?? [];
}

export interface Fact {
  fact: string;
  value: number;
  unit: 'count' | 'percent' | 'gbp' | 'months';
  label: string;
  sourceTitle: string;
  sourceUrl: string | null;
}
let facts: Fact[] | undefined;

/** The published fact for a key, as used by the <Fact> MDX component (facts.json, from data/published/facts.csv). */
export function lookupFact(
  id: string,
  rows: readonly Fact[] = (facts ??= readResults<Fact[]>('facts.json')),
): Fact {
  const hit = rows.find((r) => r.fact === id);
  if (!hit) {
    throw new Error(
      `<Fact id="${id}" />: no such fact in facts.json (from data/published/facts.csv). Check the spelling in the MDX file; facts that exist: ${rows.map((r) => r.fact).join(', ') || 'none'}.`,
    );
  }
  return hit;
}
