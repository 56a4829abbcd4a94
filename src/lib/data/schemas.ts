import { z } from 'zod';
import { optionalColumn } from './parseCsv.ts';

// Every column is a string schema that checks the raw cell and transforms it to its value.
// Its description is the "expected …" phrase used in error messages, so the wording of an
// error lives next to the rule it describes.

const LA_CODE = /^E(06|08|09|10)\d{6}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const WHOLE = /^\d+$/;
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** The code for England as a whole, allowed in context statistics. */
export const ENGLAND_CODE = 'E92000001';

/** Symbols the Department for Education uses for values that are not available. */
// The contract's symbols, extended with '-', which DfE's LAIT uses for "not applicable or suppressed".
export const DFE_SYMBOLS = ['c', 'x', 'z', 'low', 'u', 'k', ':', '-'] as const;
export type DfeSymbol = (typeof DFE_SYMBOLS)[number];

function listOf(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

const text = z.string().trim().min(1).describe('some text');
const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .describe('a lower-case code of letters, digits and underscores, e.g. "s47"');
const schoolId = z.string().trim().min(1).describe('a school id');
const laCode = z
  .string()
  .regex(LA_CODE)
  .describe('an ONS local-authority code: E06, E08, E09 or E10 then 6 digits, e.g. "E09000033"');
const contextLaCode = z
  .string()
  .refine((s) => LA_CODE.test(s) || s === ENGLAND_CODE)
  .describe(`an ONS local-authority code such as "E09000033", or "${ENGLAND_CODE}" for England`);
const month = z.string().regex(MONTH).describe('a month as YYYY-MM with the month 01 to 12, e.g. "2023-09"');

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values).describe(`one of ${listOf(values)}`);
}

function wholeNumber(min: 0 | 1) {
  return z
    .string()
    .refine((s) => WHOLE.test(s) && Number(s) >= min && Number.isSafeInteger(Number(s)))
    .transform(Number)
    .describe(min === 0 ? 'a whole number, 0 or more' : 'a whole number greater than 0');
}

/** A whole number (≥ min) or a blank cell (null): a column filled only for some kinds of outcome. */
function wholeNumberOrBlank(min: 0 | 1) {
  return z
    .string()
    .refine((s) => s === '' || (WHOLE.test(s) && Number(s) >= min && Number.isSafeInteger(Number(s))))
    .transform((s) => (s === '' ? null : Number(s)))
    .describe(min === 0 ? 'a whole number, 0 or more' : 'a whole number greater than 0');
}

const number = z
  .string()
  .refine((s) => DECIMAL.test(s) && Number.isFinite(Number(s)))
  .transform(Number)
  .describe('a number, e.g. "0.85"');

const percent = z
  .string()
  .refine((s) => DECIMAL.test(s) && Number(s) >= 0 && Number(s) <= 100)
  .transform(Number)
  .describe('a percentage from 0 to 100, e.g. "23.5"');

const year = z
  .string()
  .regex(/^(19|20)\d\d$/)
  .transform(Number)
  .describe('a year as 4 digits, e.g. "2022"');

const optionalWholeNumber = z
  .string()
  .refine((s) => s === '' || (WHOLE.test(s) && Number.isSafeInteger(Number(s))))
  .transform((s) => (s === '' ? null : Number(s)))
  .describe('a whole number of months, or a blank cell');

const numberOrSymbol = z
  .string()
  .refine(
    (s) => (DFE_SYMBOLS as readonly string[]).includes(s) || (DECIMAL.test(s) && Number.isFinite(Number(s))),
  )
  .transform((s): number | DfeSymbol => (DECIMAL.test(s) ? Number(s) : (s as DfeSymbol)))
  .describe(`a number, or a DfE symbol (${listOf(DFE_SYMBOLS)})`);

const boolean = z
  .enum(['true', 'false'])
  .transform((s) => s === 'true')
  .describe('"true" or "false"');

/** data/authorities.csv: every local authority that can appear anywhere. */
export const authoritySchema = z.object({ la_code: laCode, la_name: text, region: text });
export type AuthorityRow = z.infer<typeof authoritySchema>;

/**
 * What a school's row of an outcome holds (see the contract's "outcome kinds"): `count`, events
 * among its pupils; `sessions`, sessions missed (count) out of sessions possible (exposure);
 * `score`, the school's mean score (value).
 */
export const OUTCOME_KINDS = ['count', 'sessions', 'score'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

// The band of "little or no difference" used to word findings: for rate-ratio outcomes (count,
// sessions) a percentage change (10 = ratios from 0.90 to 1.10), for scores the score's own units.
// Blank or absent: no band declared, so no finding in words.
const noDifferenceBand = optionalColumn(
  z
    .string()
    .refine((s) => s === '' || (DECIMAL.test(s) && Number(s) > 0 && Number(s) < 100))
    .transform((s) => (s === '' ? null : Number(s)))
    .describe('a number greater than 0 and below 100, e.g. "10", or a blank cell'),
);

/** data/outcomes.csv: the outcome measures and how to present them. */
export const outcomeSchema = z.object({
  outcome: code,
  label: text,
  description: text,
  direction: oneOf(['lower_is_better', 'neutral']),
  // Optional, blank meaning count, so that every data folder made before kinds stays valid.
  kind: optionalColumn(
    z
      .string()
      .refine((s) => s === '' || (OUTCOME_KINDS as readonly string[]).includes(s))
      .transform((s): OutcomeKind => (s === '' ? 'count' : (s as OutcomeKind)))
      .describe(`one of ${listOf(OUTCOME_KINDS)}, or a blank cell (meaning "count")`),
  ),
  no_difference_band: noDifferenceBand,
});
export type OutcomeRow = z.infer<typeof outcomeSchema>;

/** data/pilot/sites.csv: one row per pilot authority. */
export const pilotSiteSchema = z.object({
  la_code: laCode,
  baseline_start: month,
  start_month: month,
  end_month: month,
});
export type PilotSiteRow = z.infer<typeof pilotSiteSchema>;

/** data/pilot/schools.csv: pilot and comparison schools. */
export const pilotSchoolSchema = z.object({
  school_id: schoolId,
  la_code: laCode,
  group: oneOf(['swis', 'comparison']),
  phase: oneOf(['primary', 'secondary', 'special', 'pru']),
  pupils: wholeNumber(1),
});
export type PilotSchoolRow = z.infer<typeof pilotSchoolSchema>;

/** data/pilot/outcomes.csv: monthly counts per school and outcome. */
export const pilotOutcomeSchema = z.object({
  school_id: schoolId,
  month,
  outcome: code,
  count: wholeNumber(0),
});
export type PilotOutcomeRow = z.infer<typeof pilotOutcomeSchema>;

/** data/trial/periods.csv: the baseline and follow-up windows. */
export const trialPeriodSchema = z.object({
  period: oneOf(['baseline', 'followup']),
  start_month: month,
  end_month: month,
});
export type TrialPeriodRow = z.infer<typeof trialPeriodSchema>;

/** data/trial/schools.csv: one row per randomised school. */
export const trialSchoolSchema = z.object({
  school_id: schoolId,
  la_code: laCode,
  arm: oneOf(['swis', 'control']),
  pupils: wholeNumber(1),
  fsm_percent: percent,
  status: oneOf(['analysed', 'withdrawn', 'lost_to_follow_up']),
});
export type TrialSchoolRow = z.infer<typeof trialSchoolSchema>;

/**
 * data/trial/outcomes.csv: one row per school, period and outcome. Which of count, exposure and
 * value a row fills depends on its outcome's kind (checked across files, in crossChecks.ts);
 * the columns a kind leaves blank are null.
 */
export const trialOutcomeSchema = z.object({
  school_id: schoolId,
  period: oneOf(['baseline', 'followup']),
  outcome: code,
  count: wholeNumberOrBlank(0),
  exposure: optionalColumn(wholeNumberOrBlank(1)),
  value: optionalColumn(
    z
      .string()
      .refine((s) => s === '' || (DECIMAL.test(s) && Number.isFinite(Number(s))))
      .transform((s) => (s === '' ? null : Number(s)))
      .describe('a number, e.g. "46.2"'),
  ),
});
export type TrialOutcomeRow = z.infer<typeof trialOutcomeSchema>;

/** The official count measures of la-statistics.csv, each of which gets a rate per 10,000 children. */
export const COUNT_MEASURES = [
  'referrals',
  's47_enquiries',
  'icpc',
  'cpp_starts',
  'cin_starts',
  'cla_starts',
] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];

/** data/context/la-statistics.csv: official statistics in long format. */
export const laStatisticSchema = z.object({
  la_code: contextLaCode,
  year,
  measure: oneOf([
    ...COUNT_MEASURES,
    'cla_starts_rate_published',
    'children_0_17',
    'school_referral_percent',
    // Authority absence by academic year (`year` = the year it ends): DfE's pupil absence release.
    'overall_absence_percent',
    'sessions_missed',
    'sessions_possible',
  ]),
  value: numberOrSymbol,
});
export type LaStatisticRow = z.infer<typeof laStatisticSchema>;

/**
 * data/context/measures.csv (optional): how pages name and read each official count measure, in
 * the order they show them. `direction` says whether a lower rate is better (`lower_is_better`) or
 * neither direction is simply better (`neutral`); `direction_note` says why, in a sentence.
 * `outcome` (an optional column) names the study outcome in outcomes.csv that counts the same
 * events, so that authority pages can apply the study's published rate ratio to the authority's
 * real rate; blank or absent, none does.
 */
export const contextMeasureSchema = z.object({
  measure: oneOf(COUNT_MEASURES),
  label: text,
  direction: oneOf(['lower_is_better', 'neutral']),
  direction_note: text,
  outcome: optionalColumn(
    z
      .string()
      .refine((s) => s === '' || code.safeParse(s).success)
      .transform((s) => (s === '' ? null : s))
      .describe('an outcome code listed in outcomes.csv, e.g. "s47", or a blank cell'),
  ),
});
export type ContextMeasureRow = z.infer<typeof contextMeasureSchema>;

/** data/published/estimates.csv: estimates as published in the reports. */
export const publishedEstimateSchema = z.object({
  study: oneOf(['pilot', 'trial']),
  outcome: code,
  scope: z
    .string()
    .refine((s) => s === 'overall' || LA_CODE.test(s))
    .describe('"overall" or an ONS local-authority code such as "E09000033"'),
  analysis: oneOf(['adjusted', 'unadjusted', 'did']),
  follow_up_months: optionalWholeNumber,
  estimate: number,
  ci_low: number,
  ci_high: number,
  source_title: text,
  source_url: z
    .string()
    .regex(/^https?:\/\/\S+$/)
    .describe('a web address starting http:// or https://'),
});
export type PublishedEstimateRow = z.infer<typeof publishedEstimateSchema>;

/** Units a published fact can have; the site formats each one (see src/lib/format). */
export const FACT_UNITS = ['count', 'percent', 'gbp', 'months'] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

/** data/published/facts.csv (optional): single published figures quoted in prose, with sources. */
export const publishedFactSchema = z.object({
  fact: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .describe('a key in lower-case kebab form, e.g. "trial-schools-randomised"'),
  value: z
    .string()
    .refine((s) => DECIMAL.test(s) && Number.isFinite(Number(s)) && Number(s) >= 0)
    .transform(Number)
    .describe('a number 0 or more, written as published, e.g. "268" or "1.3"'),
  unit: oneOf(FACT_UNITS),
  label: text,
  source_title: text,
  source_url: z
    .string()
    .refine((s) => s === '' || /^https?:\/\/\S+$/.test(s))
    .describe('a web address starting http:// or https://, or a blank cell'),
});
export type PublishedFactRow = z.infer<typeof publishedFactSchema>;

/** data/dataset.csv (optional, exactly one row): what this dataset is. */
export const datasetInfoSchema = z.object({
  name: text,
  synthetic: boolean,
  description: text,
  /**
   * The month the pilot and trial data were extracted: no study window may end after it. Builds
   * never read the clock, so this is the only way to know that a window ending in 2042 is wrong.
   * Optional: absent or blank (null) means windows are checked for order and overlap only.
   */
  extracted_month: optionalColumn(
    z
      .string()
      .refine((s) => s === '' || MONTH.test(s))
      .transform((s) => (s === '' ? null : s))
      .describe('a month as YYYY-MM with the month 01 to 12, e.g. "2023-09", or a blank cell'),
  ),
});
export type DatasetInfoRow = z.infer<typeof datasetInfoSchema>;

/** The shape every row schema shares: an object of string-cell column schemas. */
export type RowSchema = z.ZodObject<Record<string, z.ZodType<unknown, string>>>;
