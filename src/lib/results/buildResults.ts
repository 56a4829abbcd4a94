/**
 * Turns a validated dataset into the contents of every results file, as named phases:
 * descriptive rates → changes → model estimates → published-versus-computed → published facts →
 * context →
 * dataset facts → manifest. Pure: file contents in, file contents out; the results script does
 * the reading, writing and logging.
 */
import {
  checkResultsFile,
  type Change,
  type Comparison,
  type Fact,
  type InputFile,
  type Rate,
  type ResultsFileName,
} from '../contracts/resultsSchemas.ts';
import { countCells } from '../data/cells.ts';
import type { Dataset } from '../data/loadDataset.ts';
import { startAnalyses } from '../stats/analyses.ts';
import { contextRates } from './contextRates.ts';
import { contextShares } from './contextShares.ts';
import { DEFAULT_THRESHOLD } from './disclosure.ts';
import { computeRates } from './rates.ts';
import { stableJson } from '../contracts/stableJson.ts';
import { DEFAULT_MIN_SCHOOLS, trialSummaries } from './summaries.ts';

/** One output file: its name in the out folder, its text, and how many rows it holds. */
export interface OutputFile {
  name: string;
  text: string;
  rows: number;
}

/** Options for {@link buildResults}. */
export interface BuildResultsOptions {
  /** Counts from 1 to this are suppressed (default 9). */
  threshold?: number;
  /** Summaries drawn from fewer schools than this are withheld (default 3). */
  minSchools?: number;
  /** Called after each phase, for the one-line-per-output log. */
  onOutput?: (file: OutputFile) => void;
  /**
   * Identifies the inputs, options and results code (see scripts/lib/resultsCache.ts); written
   * to the manifest so that a later run with the same key can reuse the output folder.
   */
  cacheKey?: string;
  /** SHA-256 of a text, hex: the manifest lists each output's, so a damaged output is noticed. */
  sha256?: (text: string) => string;
  /** A full garbage collection, called once the models are planned (see analyses) and once the rates are done. */
  collectGarbage?: () => void;
}

/**
 * Computes every results file from a valid dataset. `inputs` are the files read, with their
 * SHA-256 and row counts, for the manifest. Returns the files in a fixed order.
 */
export function buildResults(
  data: Dataset,
  inputs: readonly InputFile[],
  options: BuildResultsOptions = {},
): OutputFile[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const files: OutputFile[] = [];
  // Every file is checked against its schema in the results contract before it is written.
  const emit = (name: ResultsFileName, value: unknown, rows: number): void => {
    const file = { name, text: stableJson(checkResultsFile(name, value)), rows };
    files.push(file);
    options.onOutput?.(file);
  };

  // The models' fits are the longest phase: they are planned first and start on a second thread
  // (see startAnalyses), which works on them while this one computes the rates and summaries.
  const input: Parameters<typeof startAnalyses>[0] = {};
  if (data.trial) input.trial = data.trial;
  if (data.pilot) input.pilot = data.pilot;
  const models = startAnalyses(input, options.collectGarbage ? { beforeFits: options.collectGarbage } : {});

  // Descriptive rates and changes per authority, with disclosure control, from the table of
  // cells (the loader's): rates read count outcomes; sessions and scores have summaries of their own.
  const rates: Rate[] = [];
  const changes: Change[] = [];
  if (data.trial) {
    const r = computeRates('trial', countCells(data.trial.cells), ['baseline', 'followup'], threshold);
    rates.push(...r.rates);
    changes.push(...r.changes);
  }
  if (data.pilot) {
    const r = computeRates('pilot', data.pilot.cells, ['pre', 'post'], threshold);
    rates.push(...r.rates);
    changes.push(...r.changes);
  }
  const byStudy = <T extends { study: string }>(a: T, b: T) =>
    a.study < b.study ? -1 : a.study > b.study ? 1 : 0;
  rates.sort(byStudy);
  changes.sort(byStudy);
  emit('rates.json', rates, rates.length);
  emit('changes.json', changes, changes.length);

  // Summaries of the outcomes that are not counts (absence %, mean scores), when there are any.
  const kinds = new Map(data.outcomes.map((o) => [o.outcome, o.kind]));
  if (data.trial && data.outcomes.some((o) => o.kind !== 'count')) {
    const summaries = trialSummaries(data.trial, kinds, {
      threshold,
      minSchools: options.minSchools ?? DEFAULT_MIN_SCHOOLS,
    });
    emit('summaries.json', summaries, summaries.length);
  }

  // Model estimates (the contract's models) and the notes on fallbacks and omissions. This thread
  // joins the fits with the rates' garbage collected: the fits are where the memory peaks.
  options.collectGarbage?.();
  const { estimates, notes } = models.finish();
  emit('estimates.json', estimates, estimates.length);
  emit('notes.json', notes, notes.length);

  // Published estimates side by side with the computed ones.
  const comparisons: Comparison[] = (data.published?.estimates ?? []).map((p) => {
    const computed =
      estimates.find(
        (e) =>
          e.study === p.study && e.outcome === p.outcome && e.scope === p.scope && e.analysis === p.analysis,
      ) ?? null;
    return {
      study: p.study,
      outcome: p.outcome,
      scope: p.scope,
      analysis: p.analysis,
      followUpMonths: p.follow_up_months,
      published: {
        estimate: p.estimate,
        ciLow: p.ci_low,
        ciHigh: p.ci_high,
        sourceTitle: p.source_title,
        sourceUrl: p.source_url,
      },
      computed,
      computedInsidePublishedInterval: computed
        ? computed.estimate >= p.ci_low && computed.estimate <= p.ci_high
        : null,
    };
  });
  emit('comparisons.json', comparisons, comparisons.length);

  // Single published figures quoted in prose (data/published/facts.csv), sorted by key.
  const facts: Fact[] = (data.published?.facts ?? [])
    .map((f) => ({
      fact: f.fact,
      value: f.value,
      unit: f.unit,
      label: f.label,
      sourceTitle: f.source_title,
      sourceUrl: f.source_url === '' ? null : f.source_url,
    }))
    .sort((a, b) => (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0));
  emit('facts.json', facts, facts.length);

  if (data.context) {
    const context = contextRates(data.context.laStatistics);
    emit('context.json', context, context.length);
    const shares = contextShares(data.context.laStatistics);
    emit('context-shares.json', shares, shares.length);
  }

  // Facts every page needs: the synthetic flag, authorities, outcomes, study sizes.
  const analysedTrial = data.trial?.schools.filter((s) => s.status === 'analysed') ?? [];
  emit(
    'dataset.json',
    {
      name: data.info?.name ?? null,
      description: data.info?.description ?? null,
      synthetic: data.synthetic,
      disclosureThreshold: threshold,
      authorities: data.authorities.map((a) => ({ laCode: a.la_code, name: a.la_name, region: a.region })),
      // Optional columns at their defaults are left out (kind absent means count; no band, no
      // key), so results from data made before those columns existed are byte for byte as they were.
      outcomes: data.outcomes.map(({ kind, no_difference_band, ...o }) => ({
        ...o,
        ...(kind === 'count' ? {} : { kind }),
        ...(no_difference_band === null ? {} : { no_difference_band }),
      })),
      ...(data.context && data.context.measures.length > 0
        ? {
            contextMeasures: data.context.measures.map((m) => ({
              measure: m.measure,
              label: m.label,
              direction: m.direction,
              directionNote: m.direction_note,
              // Left out when blank, so measures.csv without the column gives the same bytes.
              ...(m.outcome === null ? {} : { outcome: m.outcome }),
            })),
          }
        : {}),
      trial: data.trial
        ? {
            periods: data.trial.periods,
            authorities: new Set(data.trial.schools.map((s) => s.la_code)).size,
            schoolsRandomised: data.trial.schools.length,
            schoolsByArm: countBy(data.trial.schools, (s) => s.arm),
            schoolsByStatus: countBy(data.trial.schools, (s) => `${s.arm}:${s.status}`),
            schoolsAnalysed: analysedTrial.length,
            pupilsRandomised: data.trial.schools.reduce((n, s) => n + s.pupils, 0),
          }
        : null,
      pilot: data.pilot
        ? {
            sites: data.pilot.sites,
            schoolsByGroup: countBy(data.pilot.schools, (s) => s.group),
          }
        : null,
    },
    1,
  );

  emit(
    'manifest.json',
    {
      ...(options.cacheKey === undefined ? {} : { cacheKey: options.cacheKey }),
      inputs: [...inputs].sort((a, b) => (a.path < b.path ? -1 : 1)),
      outputs: files.map((f) => ({
        name: f.name,
        rows: f.rows,
        ...(options.sha256 === undefined ? {} : { sha256: options.sha256(f.text) }),
      })),
    },
    inputs.length,
  );
  return files;
}

function countBy<T>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}
