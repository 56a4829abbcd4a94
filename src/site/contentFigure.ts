/**
 * The figure <Figure chart="…"> places in MDX (src/components/Figure.astro): props parsed
 * by the schema in src/lib/content/figureProps.ts, to the chart with its heading, caption, source
 * and file name. Charts of the evaluation's results read the release the page is pinned to; charts
 * of official statistics read this build's context.json, which releases do not archive.
 */
import { readFileSync } from 'node:fs';
import { forestPlot, type ForestRow } from '../charts/forestPlot.ts';
import { resultStrip } from '../charts/resultStrip.ts';
import { splitMdx } from '../lib/content/frontmatter.ts';
import { trendLines } from '../charts/trendLines.ts';
import {
  figureProblem,
  figurePropProblems,
  figurePropsSchema,
  figureUseFor,
  type FigureProps,
} from '../lib/content/figureProps.ts';
import { findComponents } from '../lib/content/mdxBody.ts';
import type { Estimate } from '../lib/contracts/resultsSchemas.ts';
import { formatCountInWords } from '../lib/format/formatNumber.ts';
import { slug } from '../lib/format/slug.ts';
import { rateSeries } from './chartData.ts';
import { inContentFile } from './inContentFile.ts';
import { pinnedResults, type Pin, type PinnedResults } from './pins.ts';
import { mainWindow } from './programmeChange.ts';
import { readOptionalResults } from './readResults.ts';
import { LICENCES } from './citation.ts';
import { measureSource } from './contextSources.ts';
import { siteConfig } from './readSiteConfig.ts';
import { wordedFinding } from './wordedFinding.ts';
import {
  contextMeasures,
  contextFor,
  ENGLAND,
  outcomeLabel,
  participation,
  scopeLabel,
  siteData,
  studyWindows,
} from './siteData.ts';
import {
  changeMapFigure,
  consortFigure,
  contextChangeFigure,
  hasContext,
  programmeMapFigure,
  programmeTrendsFigure,
  schoolFrequencyFigure,
  successorNotes,
  SUCCESSORS,
  trialDifferenceFigure,
  trialForestFigure,
  type SiteFigure,
} from './siteFigures.ts';

const measureLabel = (m: string) => contextMeasures().find((c) => c.measure === m)?.label ?? m;

/** The pilot's difference-in-differences estimates of one outcome: all its authorities, then each. */
export function pilotForestFigure(outcome: string, estimates: readonly Estimate[]): SiteFigure {
  const { programme } = siteConfig();
  const sites = siteData().dataset.pilot?.sites.length ?? 0;
  const rows: ForestRow[] = estimates
    .filter((e) => e.study === 'pilot' && e.analysis === 'did' && e.outcome === outcome)
    .sort((a, b) =>
      a.scope === 'overall'
        ? -1
        : b.scope === 'overall'
          ? 1
          : scopeLabel(a.scope).localeCompare(scopeLabel(b.scope)),
    )
    .map((e) => ({
      label: e.scope === 'overall' ? `All ${formatCountInWords(sites)} authorities` : scopeLabel(e.scope),
      estimate: e.estimate,
      ciLow: e.ciLow,
      ciHigh: e.ciHigh,
      kind: 'computed',
    }));
  if (rows.length === 0)
    throw new Error(
      `<PilotForest outcome="${outcome}" />: no pilot difference-in-differences estimates for this outcome in estimates.json.`,
    );
  const id = `pilot-forest-${outcome.replace(/_/g, '-')}`;
  return {
    chart: forestPlot(rows, {
      id,
      title: `${outcomeLabel(outcome)}: pilot schools compared with comparison schools, before and after`,
      lowerLabel: `Fewer with ${programme}`,
      upperLabel: `More with ${programme}`,
    }),
    heading: `${outcomeLabel(outcome)} in the pilot, before and after`,
    caption:
      "Ratios of rate ratios (difference in differences) with 95% confidence intervals on a log scale, computed from this build's data. Left of 1 means a larger fall, or smaller rise, in pilot schools than in comparison schools.",
    source: 'Estimates computed by this site',
    file: id,
  };
}

/**
 * One result drawn (resultStrip), captioned with the finding in the words <Verdict> gives it, so
 * the picture and the sentence come from the same interval and band.
 */
export function resultFigure(
  props: Extract<FigureProps, { chart: 'result' }>,
  estimates: readonly Estimate[],
): SiteFigure {
  const { study, outcome, analysis, published } = props;
  const subject = props.subject ?? siteConfig().programme;
  const finding = wordedFinding(
    { study, outcome, analysis },
    {
      published,
      subject,
      ...(props.about ? { outcome: props.about } : {}),
      component: 'Figure chart="result"',
    },
    estimates,
  );
  const which = published ? 'published' : 'computed';
  const id = `result-${study}-${outcome}-${analysis}`.replace(/_/g, '-');
  return {
    chart: resultStrip(finding.interval, {
      id,
      title: `${finding.label}: the ${which} rate ratio with its 95% confidence interval`,
      lowerLabel: `Fewer with ${subject}`,
      upperLabel: `More with ${subject}`,
      bandPercent: finding.bandPercent,
      kind: published ? 'published' : 'computed',
    }),
    heading: `${finding.label}: the ${which} result`,
    caption: `${finding.text}. The ${published ? 'circle' : 'square'} is the ${which} rate ratio and the line its 95% confidence interval; the shaded band, ${finding.bandPercent}% either side of no difference, is where a result counts as little or no difference, and the words follow from where the interval lies against it.`,
    source: finding.source?.title ?? 'Estimates computed by this site',
    ...(finding.source ? { sourceHref: finding.source.url } : {}),
    file: id,
  };
}

/** One authority's official rate of a measure against England's, its successors' figures continuing it. */
export function authorityTrendFigure(laCode: string, measure = 's47_enquiries'): SiteFigure {
  const authority = siteData().dataset.authorities.find((a) => a.laCode === laCode);
  if (!authority)
    throw new Error(
      `no authority "${laCode}" in data/authorities.csv; use an authority code from that file${siteData().dataset.authorities[0] ? `, such as ${siteData().dataset.authorities[0]!.laCode}` : ''}`,
    );
  const rows = readOptionalResults('context.json', []);
  const years = [...new Set(contextFor(ENGLAND).map((r) => r.year))].sort((a, b) => a - b);
  const window = mainWindow(studyWindows());
  const label = measureLabel(measure);
  const id = `trend-${slug(authority.name)}-${measure.replace(/_/g, '-')}`;
  return {
    chart: trendLines(
      {
        authority: { label: authority.name, values: rateSeries(rows, laCode, measure, years, SUCCESSORS) },
        england: { label: 'England', values: rateSeries(rows, ENGLAND, measure, years) },
      },
      {
        id,
        title: `${label} per 10,000 children: ${authority.name} and England`,
        unit: `${label} per 10,000 children`,
        ...(window ? { programmeYears: [window.from, window.to] as const } : {}),
        programmeLabel: `${siteConfig().programme} programme`,
      },
    ),
    heading: `${label}: ${authority.name} and England`,
    caption: [
      `${authority.name}${window && participation(laCode)[window.study] ? `, a ${window.study} authority,` : ''} against England, per 10,000 children aged 0–17; years end on 31 March.`,
      successorNotes([laCode]),
      window ? `${window.label[0]!.toUpperCase()}${window.label.slice(1)} are shaded.` : '',
    ]
      .filter(Boolean)
      .join(' '),
    ...measureSource(measure),
    licence: LICENCES.official,
    file: id,
  };
}

/** What a chart needs that this build may not have, as the end of a sentence. */
function missing(chart: string, what: string): never {
  throw new Error(`<Figure chart="${chart}">: this build has no ${what}, so it cannot draw this chart.`);
}

/** The figure for parsed <Figure> props, from the results of the page's pin. */
export function contentFigure(props: FigureProps, pinned: PinnedResults): SiteFigure {
  const hasTrial = (pinned.dataset ?? siteData().dataset).trial !== null;
  const needContext = () => hasContext() || missing(props.chart, 'official statistics (data/context/)');
  switch (props.chart) {
    case 'trial-forest':
      if (!hasTrial) missing(props.chart, 'trial');
      return trialForestFigure(pinned.estimates);
    case 'trial-differences':
      return (
        trialDifferenceFigure(pinned.estimates) ?? missing(props.chart, 'trial outcome measured as a score')
      );
    case 'trial-consort':
      if (!pinned.dataset)
        missing(props.chart, `flow of schools archived with release ${pinned.release?.version ?? ''}`.trim());
      return consortFigure(pinned.dataset) ?? missing(props.chart, 'trial');
    case 'pilot-forest':
      return pilotForestFigure(props.outcome, pinned.estimates);
    case 'result':
      return resultFigure(props, pinned.estimates);
    case 'school-frequencies':
      return schoolFrequencyFigure(
        props.pupils,
        {
          outcome: props.outcome,
          event: props.event ?? 'event',
          events: props.events ?? outcomeLabel(props.outcome),
          ...(props.measure ? { measure: props.measure } : {}),
        },
        pinned.rates,
      );
    case 'programme-map':
      if (studyWindows().length === 0) missing(props.chart, 'pilot or trial');
      return programmeMapFigure();
    case 'change-map':
      needContext();
      return changeMapFigure(props.measure) ?? missing(props.chart, 'pilot or trial');
    case 'before-after':
      needContext();
      return contextChangeFigure(props.measure) ?? missing(props.chart, 'pilot or trial');
    case 'programme-trends':
      needContext();
      return programmeTrendsFigure(props.measure);
    case 'authority-trend':
      needContext();
      return authorityTrendFigure(props.authority, props.measure);
  }
}

/** Where the <Figure> given `props` is in its MDX file, for messages: its line and column, or the file alone. */
function place(file: string | undefined, props: Record<string, unknown>) {
  const name = file ?? '<Figure>';
  try {
    const split = file ? splitMdx(file, readFileSync(file, 'utf8')) : null;
    const use =
      split?.ok === true
        ? figureUseFor(findComponents(split.mdx.body, split.mdx.bodyStartLine), props)
        : null;
    return { file: name, line: use?.line ?? 1, column: use?.column ?? 1 };
  } catch {
    return { file: name, line: 1, column: 1 };
  }
}

/**
 * The figure `<Figure chart="…">` in an MDX file asks for, with its heading level: the props
 * checked against the schema `npm run check` uses (every bad prop named at the MDX file, line and
 * column), then drawn from the results of the page's pin.
 */
export function mdxFigure(
  props: Record<string, unknown>,
  file: string | undefined,
  pin: Pin | undefined,
): { figure: SiteFigure; level: 2 | 3 | 4 } {
  const problems = figurePropProblems(props);
  if (problems.length > 0) {
    const at = place(file, props);
    throw new Error(problems.map((p) => figureProblem(at.file, at.line, at.column, p).message).join('\n'));
  }
  const parsed = figurePropsSchema.parse(props);
  const figure = inContentFile(file, () => contentFigure(parsed, pinnedResults(pin)));
  return {
    figure: { ...figure, heading: parsed.heading ?? figure.heading },
    level: (parsed.level ?? 2) as 2 | 3 | 4,
  };
}
