/**
 * The props of the MDX components that show results and words from the data (<Estimate>,
 * <Rate>, <Fact>, <Term> …) and that lay out content pages (<KeyFigure>, <Timeline>,
 * <SchoolFrequencies> …): one zod schema each, used three ways, as <Figure>'s
 * (figureProps.ts): the component parses its props with it, `npm run check` derives the
 * attributes each takes from it (checkContent.ts), and its input type is the component's Props.
 * Whether a key names a result that exists is checked against the data, not here.
 */
import { z } from 'zod';
import { COUNT_MEASURES } from '../data/schemas.ts';
import { describeExpected } from './frontmatter.ts';

/** A code written in an attribute: a study, an outcome, an analysis, an authority code, an id. */
const code = z.string().min(1);
const study = code;
const outcome = code;
const analysis = code;
/** `overall` or an authority code. */
const scope = code.optional();

/** Which of the natural-frequency figures <SchoolFrequency> prints. */
export const FREQUENCY_PARTS = ['pupils', 'basis', 'expected', 'change', 'low', 'high'] as const;

/** Which parts of a published estimate <Published> prints. */
export const PUBLISHED_PARTS = ['all', 'estimate', 'interval', 'source'] as const;

/** A whole number above zero, written {1000} or "1000". */
const wholePositive = z.coerce.number().int().positive();

/** An estimate's key, as <Estimate>, <Published>, <Verdict> and <ComputedVsPublished> take it. */
const estimateKey = { study, outcome, analysis };

export const COMPONENT_PROPS = {
  /** A computed estimate with its interval. */
  Estimate: z.strictObject({ ...estimateKey, scope }),
  /**
   * A published estimate with its interval and (unless `source={false}`) its source; `part` prints
   * one piece of it where the sentence spells out the rest: `estimate` ("1.055"), `interval`
   * ("0.955 to 1.166") or `source` (the source's link alone).
   */
  Published: z.strictObject({
    ...estimateKey,
    scope,
    source: z.boolean().default(true),
    part: z.enum(PUBLISHED_PARTS).default('all'),
  }),
  /** A published estimate beside the one computed from this build's data. */
  ComputedVsPublished: z.strictObject(estimateKey),
  /** Every estimate of a study for one scope, as a table. */
  EstimatesTable: z.strictObject({
    study,
    scope: scope.default('overall'),
    caption: z.string().min(1).optional(),
  }),
  /** A finding in words chosen from the interval (GRADE style); `published` words the published estimate. */
  Verdict: z.strictObject({
    ...estimateKey,
    scope,
    subject: z.string().min(1).default('The intervention'),
    published: z.boolean().default(false),
  }),
  /** The trial's forest plots, every outcome on its own scale. */
  TrialForest: z.strictObject({}),
  /** Absence and mean scores by arm and period, for one scope. */
  TrialSummaries: z.strictObject({ scope: scope.default('overall') }),
  /** The pilot's difference-in-differences estimates for one outcome. */
  PilotForest: z.strictObject({ outcome }),
  /** The flow of schools through the trial. */
  TrialConsort: z.strictObject({}),
  /** A rate per 1,000 pupils a year, with its interval unless `interval={false}`. */
  Rate: z.strictObject({
    study,
    outcome,
    group: code,
    period: code,
    scope,
    interval: z.boolean().default(true),
  }),
  /** A glossary term, linked to its entry. */
  Term: z.strictObject({ id: code }),
  /**
   * A single published figure with (unless `source={false}`) its source; `part="source"` prints
   * the source alone, for a sentence that cites it as "Source: …".
   */
  Fact: z.strictObject({
    id: code,
    source: z.boolean().default(true),
    part: z.enum(['all', 'source']).default('all'),
  }),

  // Components that lay out content pages (the home page, the page for schools).
  /** <Lede>: the opening paragraph of a page, set larger. Words in the slot. */
  Lede: z.strictObject({}),
  /** <KeyFigures>: a row of key-figure tiles, each a <KeyFigure>. */
  KeyFigures: z.strictObject({}),
  /**
   * <KeyFigure>: one tile, its figure large above the words in its slot and its source small
   * below. The figure is one of: a published estimate (`published study outcome analysis`), a
   * published fact (`fact`, with `unit` words after it, such as "schools"), or a few words
   * (`label`, with `source` and `href` for where they come from).
   */
  KeyFigure: z
    .strictObject({
      published: z.boolean().optional(),
      study: z.string().min(1).optional(),
      outcome: code.optional(),
      analysis: z.string().min(1).optional(),
      fact: z.string().min(1).optional(),
      unit: z.string().min(1).optional(),
      label: z.string().min(1).optional(),
      source: z.string().min(1).optional(),
      href: z.string().min(1).optional(),
    })
    .superRefine((p, ctx) => {
      const kinds = [p.published === true, p.fact !== undefined, p.label !== undefined].filter(Boolean);
      if (kinds.length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: 'one figure: published (with study, outcome and analysis), fact, or label',
        });
      if (p.published === true)
        for (const k of ['study', 'outcome', 'analysis'] as const)
          if (p[k] === undefined)
            ctx.addIssue({ code: 'custom', path: [k], message: 'a value with published' });
    }),
  /** <Timeline>: a list of dated events, each a <Milestone>. */
  Timeline: z.strictObject({}),
  /** <Milestone date="2020-09">: one dated event; the date is a year (YYYY) or a month (YYYY-MM). */
  Milestone: z.strictObject({
    date: z
      .string()
      .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year or a month written YYYY or YYYY-MM, such as 2020-09'),
  }),
  /** <LatestUpdates count={3} />: the newest updates, linked, with a link to them all. */
  LatestUpdates: z.strictObject({ count: wholePositive.default(3) }),
  /** <FindingsList />: every finding, in its `order`, with its summary. */
  FindingsList: z.strictObject({}),
  /** <IfSynthetic>…</IfSynthetic>: its words only when the results are synthetic demonstration data. */
  IfSynthetic: z.strictObject({}),
  /**
   * <SchoolFrequency outcome="s47" measure="s47_enquiries" pupils={1000} show="expected" />: for a
   * school of `pupils` pupils, the school's size itself (`pupils`, so the sentence and its numbers
   * agree), the rate the figures rest on in words (`basis`: England's latest official rate of
   * `measure`; without `measure`, or in a build without official statistics, the trial's control
   * schools' follow-up rate, named as such), the events a year expected at that rate (`expected`),
   * or the change the trial's published adjusted rate ratio gives (`change`) and the ends of its
   * 95% interval (`low`, `high`), in words ("0.4 fewer", "1.5 more").
   */
  SchoolFrequency: z.strictObject({
    outcome: code,
    /** The official count measure (data/context/la-statistics.csv) that counts the same events. */
    measure: z.enum(COUNT_MEASURES).optional(),
    pupils: wholePositive,
    show: z.enum(FREQUENCY_PARTS).default('expected'),
  }),
  /**
   * <SchoolFrequencies outcome="s47" measure="s47_enquiries" event="Section 47 enquiry"
   * events="Section 47 enquiries" short="enquiries" />: the same natural frequencies, on the same
   * basis as <SchoolFrequency>, as a figure for a school of `pupils` (default 1,000), a table for
   * schools of each of `sizes` pupils, a note on where the numbers come from, and a calculator for
   * any school size (with JavaScript; the table without).
   */
  SchoolFrequencies: z.strictObject({
    outcome: code,
    /** The official count measure whose England rate gives the expected events; see SchoolFrequency. */
    measure: z.enum(COUNT_MEASURES).optional(),
    /** One event, as in "one Section 47 enquiry". */
    event: z.string().min(1),
    /** Many events, as in the figure's title: "Section 47 enquiries". */
    events: z.string().min(1),
    /** Many events, briefly, as in "about 9 enquiries a year". */
    short: z.string().min(1),
    pupils: wholePositive.default(1000),
    /** The school sizes the table shows, in pupils, such as {[500, 1000, 1500]}. */
    sizes: z.array(z.number().int().positive()).min(1),
  }),
  /**
   * <AuthorityFrequencies outcome="s47" measure="s47_enquiries" events="Section 47 enquiries"
   * short="enquiries" />: for a school of `pupils` pupils (default 1,000) in each authority, the
   * events a year expected at that authority's latest official rate of `measure` (per 10,000
   * children), and the range the trial's published adjusted rate ratio for `outcome` gives with the
   * programme: a table of every authority, and a picker of authority and school size (with
   * JavaScript; the table without).
   */
  AuthorityFrequencies: z.strictObject({
    outcome: code,
    /** The official count measure (data/context/la-statistics.csv) that counts the same events. */
    measure: z.enum(COUNT_MEASURES),
    /** Many events, as in the table's caption: "Section 47 enquiries". */
    events: z.string().min(1),
    /** Many events, briefly, as in "about 31 enquiries a year". */
    short: z.string().min(1),
    pupils: wholePositive.default(1000),
    /** The section's heading (level 2). */
    heading: z.string().min(1).default('For a school in your authority'),
  }),
  /**
   * <EffectList study="trial" analysis="adjusted" kinds="sessions,score" />: each outcome of those
   * kinds with its estimate, overall, as "Absence (sessions missed): ratio of absence rates 0.98 (…)".
   */
  EffectList: z.strictObject({
    study: z.string().min(1),
    analysis: z.string().min(1),
    kinds: z
      .string()
      .regex(
        /^(count|sessions|score)(,(count|sessions|score))*$/,
        'outcome kinds separated by commas, such as sessions,score',
      )
      .default('count,sessions,score'),
  }),
} as const;

export type ComponentName = keyof typeof COMPONENT_PROPS;

/** The props a component is written with (optional ones may be left out). */
export type ComponentInput<N extends ComponentName> = z.input<(typeof COMPONENT_PROPS)[N]>;

/** The attributes a component requires and those it also takes, from its schema. */
export function componentAttributes(name: ComponentName): { required: string[]; optional: string[] } {
  const shape = COMPONENT_PROPS[name].shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !shape[k]!.safeParse(undefined).success);
  return { required, optional: keys.filter((k) => !required.includes(k)) };
}

/**
 * Parses a component's props with its schema (defaults applied), or throws one sentence per
 * problem: `<Rate>: the "period" attribute: expected …, found …`. Astro passes the children of a
 * component as no prop, so every key given is an attribute written in the MDX or the page.
 */
export function parseComponentProps<N extends ComponentName>(
  name: N,
  props: Record<string, unknown>,
): z.output<(typeof COMPONENT_PROPS)[N]> {
  const result = COMPONENT_PROPS[name].safeParse(props);
  if (result.success) return result.data as z.output<(typeof COMPONENT_PROPS)[N]>;
  const { required, optional } = componentAttributes(name);
  const takes = [...required, ...optional];
  throw new Error(
    result.error.issues
      .flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map(
              (k) =>
                `<${name}>: expected only the attributes ${takes.join(', ') || '(none)'}, found an unknown attribute "${k}". Check the spelling.`,
            )
          : issue.path.length === 0
            ? // A rule between attributes (<KeyFigure>'s one figure).
              [`<${name}>: expected ${issue.message}.`]
            : [
                props[String(issue.path[0])] === undefined
                  ? `<${name}>: the "${String(issue.path[0])}" attribute is required (${takes.join(', ')}).`
                  : `<${name}>: the "${String(issue.path[0])}" attribute: expected ${describeExpected(issue)}, found ${JSON.stringify(props[String(issue.path[0])])}.`,
              ],
      )
      .join('\n'),
  );
}
