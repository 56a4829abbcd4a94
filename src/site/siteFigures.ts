/**
 * The site's figures built from this build's results: each with its chart and the words the
 * <Figure> component prints around it. Pages pick the ones they show; /charts/ shows them all.
 */
import englandTopologyJson from '../../data/geo/england-authorities.json' with { type: 'json' };
import { consortFlow } from '../charts/consortFlow.ts';
import { englandMap, programmeCategories } from '../charts/englandMap.ts';
import { forestPlot, type ForestRow } from '../charts/forestPlot.ts';
import { naturalFrequencies } from '../charts/naturalFrequencies.ts';
import { referralChange } from '../charts/referralChange.ts';
import { smallMultiples } from '../charts/smallMultiples.ts';
import type { EnglandTopology } from '../lib/geo/englandTopology.ts';
import { formatNumber, formatReportingYear } from '../lib/format/formatNumber.ts';
import type { Context, DatasetFacts, Estimate, Rate } from '../lib/contracts/resultsSchemas.ts';
import {
  meanRate,
  programmeMembership,
  rateChanges,
  rateSeries,
  successorsFrom,
  trialConsort,
} from './chartData.ts';
import { isDifference, measureName } from './effectMeasure.ts';
import { mainWindow, programmeBand, type ProgrammeWindow } from './programmeChange.ts';
import { LICENCES } from './citation.ts';
import { siteConfig } from './readSiteConfig.ts';
import type { SiteFigure } from './siteFigure.ts';
import { readOptionalResults } from './readResults.ts';
import { areaRate, latestRateYear } from './authorityFrequencies.ts';
import { schoolFrequencies } from './schoolFrequencies.ts';
import { measureSource } from './contextSources.ts';
import { trialComparison } from './trialComparison.ts';
import {
  contextFor,
  contextMeasures,
  ENGLAND,
  outcomeKind,
  outcomeLabel,
  participation,
  participationLabel,
  siteData,
  studyWindows,
} from './siteData.ts';

export type { SiteFigure } from './siteFigure.ts';

const topology = englandTopologyJson as unknown as EnglandTopology;
export const MAP_ATTRIBUTION = topology.meta.attribution;
/** Former authorities and their successors, from the map file (see chartData.ts). */
export const SUCCESSORS = successorsFrom(topology);
// The attribution begins "Source: "; inside a figure's own "Source:" line it would repeat.
const MAP_CREDIT = `boundaries: ${MAP_ATTRIBUTION.replace(/^Source:\s*/, '')}`;

let contextRows: Context[] | undefined;
const context = () => (contextRows ??= readOptionalResults('context.json', []));
/** Whether the build has official authority statistics (data/context/), which the context figures need. */
export const hasContext = () => context().length > 0;

function programme() {
  const { dataset } = siteData();
  const pilot = (dataset.pilot?.sites ?? []).map((s) => s.la_code);
  const trial = dataset.authorities.filter((a) => participation(a.laCode).trial).map((a) => a.laCode);
  const membership = programmeMembership(pilot, trial);
  const names = new Map(dataset.authorities.map((a) => [a.laCode, a.name]));
  return { pilot, trial, membership, names };
}

/** How the charts continue each former authority among `codes`, as a sentence each. */
export function successorNotes(codes: Iterable<string>): string {
  const names = new Map(siteData().dataset.authorities.map((a) => [a.laCode, a.name]));
  return [...codes]
    .flatMap((code) => {
      const former = SUCCESSORS.get(code);
      if (!former) return [];
      const parts = former.successors.map((c) => names.get(c) ?? c);
      return [
        `${names.get(code) ?? former.name} was later replaced by ${parts.join(' and ')}: from then on its figures are theirs combined, and on maps its outline is theirs merged.`,
      ];
    })
    .join(' ');
}

/** "the years ending March 2021 and 2022" */
const yearsEnding = (years: readonly number[]) =>
  `the year${years.length === 1 ? '' : 's'} ending March ${years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} and ${years[years.length - 1]}`}`;
/** "2021–22" for the years ending March 2021 and 2022, "2021" for one year. */
const yearSpan = (years: readonly number[]) =>
  years.length === 1
    ? String(years[0])
    : `${years[0]}–${String(years[years.length - 1]! % 100).padStart(2, '0')}`;

/**
 * The years whole-authority comparisons use: the main study's years (`after`) against as many
 * years ending with the last year before it began (`before`). Null when the build has no study.
 */
export function comparisonYears(): { window: ProgrammeWindow; before: number[]; after: number[] } | null {
  const window = mainWindow(studyWindows());
  if (!window) return null;
  const after = window.years;
  const before = after.map((_, i) => window.before - (after.length - 1) + i);
  return { window, before, after };
}

/** Map of England showing which authorities ran the pilot, the trial, or both. */
export function programmeMapFigure(): SiteFigure {
  const { membership, names } = programme();
  const chart = englandMap(
    {
      topology,
      values: [...membership].map(([laCode, category]) => ({
        laCode,
        name: names.get(laCode) ?? laCode,
        category,
      })),
    },
    {
      id: 'map-programme',
      title: `Local authorities in the ${siteConfig().programme} ${studyWindows()
        .map((w) => w.study)
        .join(' and ')}`,
      scale: {
        type: 'categories',
        categories: programmeCategories(
          Object.fromEntries(
            studyWindows().map((w) => [
              w.study,
              participationLabel({ pilot: w.study === 'pilot', trial: w.study === 'trial' }),
            ]),
          ),
        ),
        otherLabel: 'Did not take part',
      },
    },
  );
  return {
    chart,
    heading: `Where ${siteConfig().programme} ran`,
    caption: [
      'Upper-tier local authorities in England by part in the programme; London is enlarged top left.',
      successorNotes(membership.keys()),
      'Each category has its own pattern as well as colour.',
    ]
      .filter(Boolean)
      .join(' '),
    source: `${siteConfig().programme} evaluation data in this build; ${MAP_CREDIT}`,
    file: 'map-programme',
  };
}

const measureLabel = (m: string) => contextMeasures().find((c) => c.measure === m)?.label ?? m;

/** Map of each authority's change in a measure's rate, the main study's years against the years before. */
export function changeMapFigure(measure = 's47_enquiries'): SiteFigure | null {
  const { trial, pilot } = programme();
  const years = comparisonYears();
  if (!years) return null;
  const { before, after, window } = years;
  const values = rateChanges(context(), siteData().dataset.authorities, measure, before, after, SUCCESSORS);
  const label = measureLabel(measure);
  const chart = englandMap(
    { topology, values },
    {
      id: `map-change-${measure.replace(/_/g, '-')}`,
      title: `Change in ${label.toLowerCase()} per 10,000 children, ${yearSpan(after)} against ${yearSpan(before)}`,
      scale: { type: 'diverging', unit: 'per 10,000 children', valueLabel: 'Change in rate' },
      outline: { codes: [...new Set([...trial, ...pilot])], label: 'Programme authorities' },
    },
  );
  return {
    chart,
    heading: `How ${label.toLowerCase()} changed in every authority`,
    caption: `The mean rate in ${yearsEnding(after)} (${window.label}) minus the mean in ${yearsEnding(before)}, per 10,000 children aged 0–17. Blue is a fall, red a rise; hatched areas have no figure for one of those years. Programme authorities have a heavy outline. Official statistics for whole authorities, not the ${window.study}'s schools: they cannot show an effect of ${siteConfig().programme}.`,
    source: `${measureSource(measure).source}; ${MAP_CREDIT}`,
    sourceHref: measureSource(measure).sourceHref,
    licence: LICENCES.official,
    file: `map-change-${measure.replace(/_/g, '-')}`,
  };
}

/** Small multiples of the programme authorities' trends in a measure, with England in each. */
export function programmeTrendsFigure(measure = 's47_enquiries'): SiteFigure {
  const { membership, names } = programme();
  const rows = context();
  const years = [...new Set(rows.filter((r) => r.measure === measure).map((r) => r.year))].sort(
    (a, b) => a - b,
  );
  const panels = [...membership.keys()]
    .map((code) => ({
      label: names.get(code) ?? code,
      values: rateSeries(rows, code, measure, years, SUCCESSORS),
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const label = measureLabel(measure);
  const windows = studyWindows();
  const band = programmeBand(windows);
  const chart = smallMultiples(
    { panels, reference: { label: 'England', values: rateSeries(rows, ENGLAND, measure, years) } },
    {
      id: `multiples-${measure.replace(/_/g, '-')}`,
      title: `${label} per 10,000 children in the ${panels.length} programme authorities, ${years[0]} to ${years[years.length - 1]}`,
      unit: `${label} per 10,000 children`,
      ...(band ? { programmeYears: band } : {}),
    },
  );
  const studies = windows.map((w) => `the ${w.study}`).join(' or ');
  return {
    chart,
    heading: `${label} in each programme authority`,
    caption: [
      `One panel per authority that ran ${studies}, all on the same scale, with England dashed.`,
      band
        ? `Years end on 31 March; the shaded years ${band[0]} to ${band[1]} cover ${windows.map((w) => `the ${w.study}`).join(' and ')}.`
        : 'Years end on 31 March.',
      successorNotes(membership.keys()),
      'Gaps are years with no published figure.',
    ]
      .filter(Boolean)
      .join(' '),
    ...measureSource(measure),
    licence: LICENCES.official,
    file: `multiples-${measure.replace(/_/g, '-')}`,
  };
}

/** The trial's flow of schools, or null when the build has no trial. */
export function consortFigure(dataset: DatasetFacts = siteData().dataset): SiteFigure | null {
  const data = trialConsort(dataset, siteConfig().programme);
  if (!data) return null;
  return {
    chart: consortFlow(data, {
      id: 'consort-trial',
      title: `Flow of schools through the ${siteConfig().programme} trial`,
    }),
    heading: 'Flow of schools through the trial',
    caption: `Schools randomised, allocated to each arm, leaving the trial, and analysed. Only analysed schools enter the models.${dataset.synthetic ? ' Counts are from this build’s synthetic demonstration data.' : ''}`,
    source: 'Trial school records (data/trial/schools.csv)',
    file: 'consort-trial',
  };
}

/**
 * The trial's rate of an outcome per 1,000 pupils a year in control schools at follow-up, overall:
 * what a school without the programme would expect, the base of a natural frequency.
 */
export function controlRate(outcome: string, rates: readonly Rate[] = siteData().rates): number {
  const control = rates.find(
    (r) =>
      r.study === 'trial' &&
      r.scope === 'overall' &&
      r.outcome === outcome &&
      r.group === 'control' &&
      r.period === 'followup',
  );
  if (!control || typeof control.ratePer1000 !== 'number')
    throw new Error(
      `controlRate: rates.json has no overall trial follow-up rate of "${outcome}" for control schools (it may be suppressed, or the outcome misspelt)`,
    );
  return control.ratePer1000;
}

/** What a natural-frequency figure counts: an outcome and the words for one and for many events. */
export interface FrequencyOutcome {
  outcome: string;
  /** "Section 47 enquiry" */
  event: string;
  /** "Section 47 enquiries" */
  events: string;
}

/**
 * Where a school's expected events a year come from: England's latest official rate of a context
 * measure (real published statistics), or the trial's control schools' follow-up rate in this
 * build's data (which may be synthetic demonstration data).
 */
export type FrequencyBasis =
  | { kind: 'england'; measure: string; label: string; year: number; ratePer10k: number }
  | { kind: 'control'; synthetic: boolean };

/**
 * The basis of a school's natural frequencies: with `measure` and official statistics in the
 * build, England's latest rate of it; otherwise (no `measure`, or no data/context/) the control
 * schools' rate, which the words of every figure then name, so a sentence stays true either way.
 */
function frequencyBasis(outcome: string, measure: string | undefined, rates: readonly Rate[]) {
  const year = measure === undefined ? null : latestRateYear(contextFor(ENGLAND), measure);
  if (measure !== undefined && year !== null) {
    const { ratePer10k } = areaRate(contextFor(ENGLAND), measure, year);
    const label = contextMeasures().find((m) => m.measure === measure)?.label ?? measure;
    if (ratePer10k !== null && ratePer10k > 0)
      return {
        ratePer1000: ratePer10k / 10,
        basis: { kind: 'england', measure, label, year, ratePer10k } satisfies FrequencyBasis,
      };
  }
  return {
    ratePer1000: controlRate(outcome, rates),
    basis: { kind: 'control', synthetic: siteData().dataset.synthetic } satisfies FrequencyBasis,
  };
}

/**
 * The basis in words, after "at": "England's rate of Section 47 (child protection) enquiries in
 * 2024–25 (189.0 per 10,000 children aged 0 to 17, from official statistics)", or "the trial's
 * control schools' rate during follow-up (9.1 per 1,000 pupils a year, in synthetic demonstration
 * data)".
 */
export function frequencyBasisWords(basis: FrequencyBasis, ratePer1000: number): string {
  return basis.kind === 'england'
    ? `England's rate of ${basis.label} in ${formatReportingYear(basis.year)} (${formatNumber(basis.ratePer10k, 1)} per 10,000 children aged 0 to 17, from official statistics)`
    : `the trial's control schools' rate during follow-up (${formatNumber(ratePer1000, 1)} per 1,000 pupils a year, in this build's ${basis.synthetic ? 'synthetic demonstration data' : 'evaluation data'})`;
}

/**
 * Natural frequencies for a school of `pupils` pupils: the events a year expected at England's
 * latest official rate of `measure` (or, without one, the trial's control schools' follow-up rate
 * of the outcome; see frequencyBasis), and the change the trial's published adjusted rate ratio and
 * its interval give (see schoolFrequencies.ts), with the rate (per 1,000 pupils), its basis and the
 * estimate used.
 */
export function trialSchoolFrequencies(
  outcome: string,
  pupils: number,
  rates: readonly Rate[] = siteData().rates,
  measure?: string,
) {
  const published = trialComparison(outcome).published;
  const { ratePer1000: rate, basis } = frequencyBasis(outcome, measure, rates);
  return { rate, basis, published, ...schoolFrequencies(pupils, rate, published) };
}

/** Natural frequencies for a school of `pupils` pupils, from the trial's published adjusted result for the outcome. */
export function schoolFrequencyFigure(
  pupils: number,
  what: FrequencyOutcome & { measure?: string },
  rates: readonly Rate[] = siteData().rates,
): SiteFigure {
  const { programme } = siteConfig();
  const { rate, basis, published, ...f } = trialSchoolFrequencies(what.outcome, pupils, rates, what.measure);
  const chart = naturalFrequencies(
    {
      pupils,
      without: f.expected,
      estimate: f.expected + f.change,
      low: f.expected + f.changeLow,
      high: f.expected + f.changeHigh,
    },
    {
      id: `frequencies-${pupils}`,
      title: `${what.events} a year in a school of ${formatNumber(pupils, 0)} pupils, without and with ${programme}`,
      event: what.event,
      events: what.events,
      programme,
    },
  );
  return {
    chart,
    heading: `A school of ${formatNumber(pupils, 0)} pupils`,
    caption: `Without ${programme}: at ${frequencyBasisWords(basis, rate)}. With ${programme}: that number times the trial's published rate ratio ${formatNumber(published.estimate, 3)} and its 95% interval ${formatNumber(published.ciLow, 3)} to ${formatNumber(published.ciHigh, 3)}.`,
    source: published.sourceTitle,
    sourceHref: published.sourceUrl,
    file: `frequencies-${pupils}`,
  };
}

/** Each programme authority's rate before and during the programme years, England for reference. */
export function contextChangeFigure(measure = 'referrals'): SiteFigure | null {
  const { membership, names } = programme();
  const years = comparisonYears();
  if (!years) return null;
  const { before, after, window } = years;
  const rows = context();
  const mean = (code: string, years: number[]) => meanRate(rows, code, measure, years, SUCCESSORS);
  const row = (code: string, label: string) => ({
    label,
    before: mean(code, before),
    after: mean(code, after),
  });
  const label = measureLabel(measure);
  const chart = referralChange(
    [...membership.keys()].map((c) => row(c, names.get(c) ?? c)),
    {
      id: `change-${measure.replace(/_/g, '-')}`,
      title: `${label} per 10,000 children in the programme authorities, ${yearSpan(before)} and ${yearSpan(after)}`,
      unit: `${label} per 10,000 children`,
      beforeLabel: yearSpan(before),
      afterLabel: yearSpan(after),
      reference: row(ENGLAND, 'England'),
    },
  );
  return {
    chart,
    heading: `${label}: before and during ${window.label}`,
    caption: `Mean rate in ${yearsEnding(before)} (circle) and in ${yearsEnding(after).replace(/^the years? ending March /, '')} (arrowhead), largest fall first, England first for reference. Whole-authority official statistics: they describe context, not the effect of ${siteConfig().programme}.`,
    ...measureSource(measure),
    licence: LICENCES.official,
    file: `change-${measure.replace(/_/g, '-')}`,
  };
}

/** The trial's adjusted estimates for every outcome, with the published primary result. */
export function trialForestFigure(estimates: readonly Estimate[] = siteData().estimates): SiteFigure {
  const { comparisons, dataset } = siteData();
  const { programme } = siteConfig();
  const rows: ForestRow[] = [];
  const published = comparisons.filter(
    (c) => c.study === 'trial' && c.scope === 'overall' && !isDifference(outcomeKind(c.outcome)),
  );
  for (const c of published) {
    rows.push({
      label: `${outcomeLabel(c.outcome)} (published)`,
      estimate: c.published.estimate,
      ciLow: c.published.ciLow,
      ciHigh: c.published.ciHigh,
      kind: 'published',
    });
  }
  // Outcomes with a published estimate first (the primary outcome), then as data/outcomes.csv lists them.
  const order = [...new Set([...published.map((c) => c.outcome), ...dataset.outcomes.map((o) => o.outcome)])];
  const rank = (o: string) => order.indexOf(o) + 1 || order.length + 1;
  // Ratios only: differences in mean score have a chart (and an axis) of their own.
  const ratios = estimates.filter(
    (e) =>
      e.study === 'trial' &&
      e.scope === 'overall' &&
      e.analysis === 'adjusted' &&
      !isDifference(outcomeKind(e.outcome)),
  );
  for (const e of ratios.sort((a, b) => rank(a.outcome) - rank(b.outcome))) {
    const kind = outcomeKind(e.outcome);
    rows.push({
      label:
        kind === 'count'
          ? outcomeLabel(e.outcome)
          : `${outcomeLabel(e.outcome)}: ${measureName(kind).toLowerCase()}`,
      estimate: e.estimate,
      ciLow: e.ciLow,
      ciHigh: e.ciHigh,
      kind: 'computed',
    });
  }
  const absence = ratios.some((e) => outcomeKind(e.outcome) === 'sessions');
  return {
    chart: forestPlot(rows, {
      id: 'trial-forest',
      title: `Rate ratios, ${programme} schools compared with control schools`,
      lowerLabel: `Fewer with ${programme}`,
      upperLabel: `More with ${programme}`,
    }),
    heading: 'Rate ratios for every outcome',
    caption:
      `Rate ratios with 95% confidence intervals on a log scale. Left of 1 means fewer with ${programme}; right means more.` +
      (absence ? ' For absence, the ratio of absence rates (sessions missed per session possible).' : '') +
      ' Computed estimates use this build’s data' +
      (dataset.synthetic ? ' (synthetic demonstration data)' : '') +
      (published.length > 0 ? '; the published estimate is a hollow circle.' : '.'),
    source: published[0]
      ? `${published[0].published.sourceTitle} (published); estimates computed by this site`
      : 'Estimates computed by this site',
    ...(published[0] ? { sourceHref: published[0].published.sourceUrl } : {}),
    file: 'trial-forest',
  };
}

/**
 * The trial's differences in mean score (outcomes of kind `score`, such as Attainment 8),
 * adjusted and unadjusted, on a linear axis around 0: never on the ratios' log axis. Null when
 * the trial has no score outcome.
 */
export function trialDifferenceFigure(
  estimates: readonly Estimate[] = siteData().estimates,
): SiteFigure | null {
  const { dataset } = siteData();
  const { programme } = siteConfig();
  const differences = estimates.filter(
    (e) =>
      e.study === 'trial' &&
      e.scope === 'overall' &&
      e.analysis !== 'did' &&
      isDifference(outcomeKind(e.outcome)),
  );
  if (differences.length === 0) return null;
  const analysis = (a: string) => (a === 'adjusted' ? 'adjusted' : 'unadjusted');
  const rows: ForestRow[] = differences
    .sort((a, b) =>
      a.outcome === b.outcome ? (a.analysis < b.analysis ? -1 : 1) : a.outcome < b.outcome ? -1 : 1,
    )
    .map((e) => ({
      label: `${outcomeLabel(e.outcome)}, ${analysis(e.analysis)}`,
      estimate: e.estimate,
      ciLow: e.ciLow,
      ciHigh: e.ciHigh,
      kind: 'computed',
    }));
  const measure = measureName('score');
  return {
    chart: forestPlot(rows, {
      id: 'trial-differences',
      title: `Difference in mean score, ${programme} schools compared with control schools`,
      measure,
      lowerLabel: `Lower with ${programme}`,
      upperLabel: `Higher with ${programme}`,
      scale: 'difference',
    }),
    heading: 'Differences in mean score',
    caption:
      `Differences in the schools’ mean score, in points, with 95% confidence intervals on a linear scale (not the rate ratios’ log scale). Left of 0 means lower scores with ${programme}; right means higher. Computed from this build’s data` +
      (dataset.synthetic ? ' (synthetic demonstration data)' : '') +
      ' by ordinary least squares; the adjusted analysis allows for the school’s score before the trial, free school meals, size and authority.',
    source: 'Estimates computed by this site',
    file: 'trial-differences',
  };
}
