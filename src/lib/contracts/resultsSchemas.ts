/**
 * The results JSON contract: one zod schema per file `npm run results` writes (see the data
 * contract, "The results command"). The results pipeline builds each file to its schema and
 * checks it before writing; the site, the release command and the tests parse each file with the
 * same schema before using it. Types are `z.infer` of these schemas, never written by hand.
 *
 * Objects are strict: a key the contract does not name is an error, so a producer and a reader
 * cannot drift apart silently. Extend the contract by adding to a schema here.
 */
import { z } from 'zod';
import { COUNT_MEASURES, DFE_SYMBOLS, FACT_UNITS, OUTCOME_KINDS } from '../data/schemas.ts';
import { BENCHMARK_COMPARISONS } from '../stats/compareWithBenchmark.ts';
import { sortedKeys } from './stableJson.ts';

/** The symbol published in place of a count (or a figure computed from one) that disclosure control withheld. */
export const SUPPRESSED = 'c';

/** The official count measures that get a rate per 10,000 children in context.json. */
export { COUNT_MEASURES };

/**
 * The official percentage measures passed through to context-shares.json: the share of referrals
 * made by schools (year to 31 March), and overall absence, the % of school sessions missed in an
 * academic year (`year` = the calendar year it ends in).
 */
export const SHARE_MEASURES = ['school_referral_percent', 'overall_absence_percent'] as const;

/**
 * The studies of the data contract, each a folder of data/ that may be absent; which are present
 * is a fact of the data (dataset.json's `trial` and `pilot`).
 */
export const STUDIES = ['trial', 'pilot'] as const;
const study = z.enum(STUDIES);
const analysis = z.enum(['adjusted', 'unadjusted', 'did']);
const wholeNumber = z.number().int().nonnegative();
/** A number, or `c` where disclosure control withheld it. */
const published = z.union([z.number(), z.literal(SUPPRESSED)]);
const symbol = z.enum(DFE_SYMBOLS);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/**
 * One row of estimates.json: a model's rate ratio with its 95% Wald interval, or (a score
 * outcome) a difference in means with its t interval.
 */
export const estimateSchema = z.strictObject({
  study,
  outcome: z.string(),
  scope: z.string(),
  analysis,
  /** Absent in results (and archived releases) made before outcome kinds: those are all rate ratios. */
  effect: z.enum(['rate_ratio', 'mean_difference']).optional(),
  model: z.enum(['negative_binomial', 'poisson', 'linear']),
  estimate: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  pValue: z.number(),
  schools: wholeNumber,
  /** Present only when model is negative_binomial. */
  theta: z.number().optional(),
});
export type Estimate = z.infer<typeof estimateSchema>;

/** One row of notes.json: why an estimate is missing (not estimable) or used Poisson. */
export const noteSchema = z.strictObject({
  study,
  outcome: z.string(),
  scope: z.string(),
  analysis,
  kind: z.enum(['poisson_fallback', 'not_estimable']),
  reason: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

/** One row of rates.json: a descriptive rate per 1,000 pupils a year with its exact Poisson interval. */
export const rateSchema = z.strictObject({
  study,
  outcome: z.string(),
  scope: z.string(),
  group: z.string(),
  period: z.string(),
  schools: wholeNumber,
  pupilYears: z.number(),
  count: published,
  ratePer1000: published,
  ciLow: published,
  ciHigh: published,
});
export type Rate = z.infer<typeof rateSchema>;
/** A value of a rates.json or changes.json cell that disclosure control may withhold. */
export type Published = z.infer<typeof published>;

/** One row of changes.json: the change in a rate from the first period to the second. */
export const changeSchema = z.strictObject({
  study,
  outcome: z.string(),
  scope: z.string(),
  group: z.string(),
  from: z.string(),
  to: z.string(),
  rateBefore: published,
  rateAfter: published,
  change: published,
});
export type Change = z.infer<typeof changeSchema>;

/** One row of summaries.json for a `sessions` outcome: the % of sessions missed. */
export const sessionsSummarySchema = z.strictObject({
  study: z.literal('trial'),
  kind: z.literal('sessions'),
  outcome: z.string(),
  scope: z.string(),
  group: z.string(),
  period: z.string(),
  schools: wholeNumber,
  sessionsMissed: published,
  sessionsPossible: published,
  /** 100 × sessions missed ÷ sessions possible. */
  percentMissed: published,
});
export type SessionsSummary = z.infer<typeof sessionsSummarySchema>;

/** One row of summaries.json for a `score` outcome: the mean of the schools' scores. */
export const scoreSummarySchema = z.strictObject({
  study: z.literal('trial'),
  kind: z.literal('score'),
  outcome: z.string(),
  scope: z.string(),
  group: z.string(),
  period: z.string(),
  schools: wholeNumber,
  /** The mean of the schools' scores, each school counting once. */
  mean: published,
  /** mean ± qt(0.975, schools − 1) × sd / √schools; null with a single school. */
  ciLow: published.nullable(),
  ciHigh: published.nullable(),
});
export type ScoreSummary = z.infer<typeof scoreSummarySchema>;

/** One row of summaries.json (written when the trial has outcomes that are not counts). */
export const summarySchema = z.discriminatedUnion('kind', [sessionsSummarySchema, scoreSummarySchema]);
export type Summary = z.infer<typeof summarySchema>;

/** One row of comparisons.json: a published estimate beside the one computed from this data. */
export const comparisonSchema = z.strictObject({
  study,
  outcome: z.string(),
  scope: z.string(),
  analysis,
  followUpMonths: wholeNumber.nullable(),
  published: z.strictObject({
    estimate: z.number(),
    ciLow: z.number(),
    ciHigh: z.number(),
    sourceTitle: z.string(),
    sourceUrl: z.string(),
  }),
  computed: estimateSchema.nullable(),
  /** Whether the computed estimate lies inside the published 95% interval. */
  computedInsidePublishedInterval: z.boolean().nullable(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

/** One row of facts.json: a single published figure quoted in prose, with its source. */
export const factSchema = z.strictObject({
  fact: z.string(),
  value: z.number(),
  unit: z.enum(FACT_UNITS),
  label: z.string(),
  sourceTitle: z.string(),
  sourceUrl: z.string().nullable(),
});
export type Fact = z.infer<typeof factSchema>;

/**
 * One row of context.json: an official count, the children aged 0–17 it is counted among, and its
 * rate per 10,000 of them.
 */
export const contextSchema = z.strictObject({
  laCode: z.string(),
  year: z.number().int(),
  measure: z.enum(COUNT_MEASURES),
  value: z.number().nullable(),
  symbol: symbol.nullable(),
  ratePer10k: z.number().nullable(),
  /**
   * The rate's denominator: the same authority's (or England's) children aged 0–17 in the same
   * year (`children_0_17`, the ONS mid-year estimate DfE divides by), or null where the source
   * has none or gives a symbol. Kept where the count is a symbol too. Pages add successors'
   * counts and children and divide (ratePer10k), never rebuild children from a rate. Required,
   * so a context.json written before it existed fails to parse: run `npm run results` again.
   */
  children: z.number().nullable(),
  /**
   * DfE's own published rate where the import recorded one that DfE divided by a different
   * population estimate (measure `<measure>_rate_published`, today only cla_starts in 2018), as
   * published; absent otherwise, so that data without such rates give the same bytes as before.
   * Pages show it beside ratePer10k where the two differ.
   */
  publishedRatePer10k: z.number().optional(),
  /**
   * An authority's rate against England's for the same year and measure (compareWithBenchmark):
   * whether England's rate lies below (`higher`), within (`similar`) or above (`lower`) the exact
   * Poisson limits of the authority's rate at 95% and at 99.8%, with the 95% limits (the 99.8%
   * ones are left out to keep the file small). Absent for England, and where the count, the
   * population or England's rate is not available (pages say "not compared").
   */
  comparedWithEngland: z
    .strictObject({
      lower95: z.number(),
      upper95: z.number(),
      comparison95: z.enum(BENCHMARK_COMPARISONS),
      comparison998: z.enum(BENCHMARK_COMPARISONS),
    })
    .optional(),
});
export type Context = z.infer<typeof contextSchema>;

/** One row of context-shares.json: an official percentage as published. */
export const contextShareSchema = z.strictObject({
  laCode: z.string(),
  year: z.number().int(),
  measure: z.enum(SHARE_MEASURES),
  /** The published percentage, or null where the source gives a symbol. */
  percent: z.number().nullable(),
  /** The source's symbol (`c`, `x`, …) or null; a symbol means "not available", never zero. */
  symbol: symbol.nullable(),
});
export type ContextShare = z.infer<typeof contextShareSchema>;

const counts = z.record(z.string(), wholeNumber);

/** dataset.json: the facts every page needs (synthetic flag, authorities, outcomes, study sizes). */
export const datasetSchema = z.strictObject({
  name: z.string().nullable(),
  description: z.string().nullable(),
  synthetic: z.boolean(),
  disclosureThreshold: wholeNumber,
  authorities: z.array(z.strictObject({ laCode: z.string(), name: z.string(), region: z.string() })),
  outcomes: z.array(
    z.strictObject({
      outcome: z.string(),
      label: z.string(),
      description: z.string(),
      direction: z.enum(['lower_is_better', 'neutral']),
      /** Absent for a count outcome (as before outcome kinds existed). */
      kind: z.enum(OUTCOME_KINDS).exclude(['count']).optional(),
      /** The band of little or no difference, % change in the rate; absent when not declared. */
      no_difference_band: z.number().optional(),
    }),
  ),
  /**
   * How pages name and read each official count measure (data/context/measures.csv), in the order
   * they show them; absent when that optional file is, so older data give the same bytes.
   */
  contextMeasures: z
    .array(
      z.strictObject({
        measure: z.enum(COUNT_MEASURES),
        label: z.string(),
        direction: z.enum(['lower_is_better', 'neutral']),
        directionNote: z.string(),
        /** The study outcome (data/outcomes.csv) that counts the same events; absent when none does. */
        outcome: z.string().optional(),
      }),
    )
    .optional(),
  trial: z
    .strictObject({
      periods: z.array(
        z.strictObject({ period: z.enum(['baseline', 'followup']), start_month: month, end_month: month }),
      ),
      authorities: wholeNumber,
      schoolsRandomised: wholeNumber,
      schoolsByArm: counts,
      schoolsByStatus: counts,
      schoolsAnalysed: wholeNumber,
      pupilsRandomised: wholeNumber,
    })
    .nullable(),
  pilot: z
    .strictObject({
      sites: z.array(
        z.strictObject({ la_code: z.string(), baseline_start: month, start_month: month, end_month: month }),
      ),
      schoolsByGroup: counts,
    })
    .nullable(),
});
export type DatasetFacts = z.infer<typeof datasetSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One input file the manifest names. */
export const inputFileSchema = z.strictObject({ path: z.string(), sha256, rows: wholeNumber });
export type InputFile = z.infer<typeof inputFileSchema>;

/** manifest.json: every input with its SHA-256 and rows, every output with its rows (and SHA-256). */
export const manifestSchema = z.strictObject({
  /** Identifies the inputs, options and results code, so an unchanged run can reuse the folder. */
  cacheKey: z.string().optional(),
  inputs: z.array(inputFileSchema),
  outputs: z.array(z.strictObject({ name: z.string(), rows: wholeNumber, sha256: sha256.optional() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Every results file and its schema, in the order /data/ offers them for download. */
export const RESULTS_SCHEMAS = {
  'estimates.json': z.array(estimateSchema),
  'comparisons.json': z.array(comparisonSchema),
  'facts.json': z.array(factSchema),
  'rates.json': z.array(rateSchema),
  'changes.json': z.array(changeSchema),
  'summaries.json': z.array(summarySchema),
  'context.json': z.array(contextSchema),
  'context-shares.json': z.array(contextShareSchema),
  'notes.json': z.array(noteSchema),
  'dataset.json': datasetSchema,
  'manifest.json': manifestSchema,
} as const;

/** The name of a results file, e.g. `estimates.json`. */
export type ResultsFileName = keyof typeof RESULTS_SCHEMAS;
/** The parsed contents of a results file. */
export type ResultsFile<N extends ResultsFileName> = z.infer<(typeof RESULTS_SCHEMAS)[N]>;

/** Whether a name is one of the results files. */
export function isResultsFileName(name: string): name is ResultsFileName {
  return Object.hasOwn(RESULTS_SCHEMAS, name);
}

/**
 * Parses the text of a results file against its schema. Throws an Error naming `where` (the
 * file's path), each place that does not match and what was found there, and what to do.
 */
export function parseResultsFile<N extends ResultsFileName>(
  name: N,
  text: string,
  where: string = name,
): ResultsFile<N> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(
      `${where}: not JSON (${(e as Error).message}). Run \`npm run results\` to write it again.`,
      { cause: e },
    );
  }
  return checkResultsFile(name, json, where);
}

/**
 * Checks a value against a results file's schema and returns it as parsed, keys sorted as the
 * file holds them. Throws as {@link parseResultsFile} does.
 */
export function checkResultsFile<N extends ResultsFileName>(
  name: N,
  value: unknown,
  where: string = name,
): ResultsFile<N> {
  const parsed = RESULTS_SCHEMAS[name].safeParse(value);
  // Keys in the file's order (zod returns them in the schema's): see sortedKeys.
  if (parsed.success) return sortedKeys(parsed.data as ResultsFile<N>);
  const problems = parsed.error.issues
    .slice(0, 10)
    .map((i) => `  ${i.path.length === 0 ? '(the file)' : formatPath(i.path)}: ${i.message}`);
  const more = parsed.error.issues.length > 10 ? [`  … and ${parsed.error.issues.length - 10} more`] : [];
  throw new Error(
    [
      `${where} does not match the results contract (src/lib/contracts/resultsSchemas.ts):`,
      ...problems,
      ...more,
      'Run `npm run results` with this version of the code to write it again.',
    ].join('\n'),
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
