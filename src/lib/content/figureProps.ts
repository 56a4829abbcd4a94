/**
 * The props of <Figure>, the one component that places any chart the site draws in a finding,
 * an update or a page, e.g. `<Figure chart="trial-forest" />` or
 * `<Figure chart="pilot-forest" outcome="s47" />`. One zod schema, used three ways: the component
 * parses its props with it (src/components/Figure.astro), `npm run check` checks every use
 * in content/ against it (checkContent.ts), and its type is the component's props.
 */
import { z } from 'zod';
import { COUNT_MEASURES } from '../contracts/resultsSchemas.ts';
import { contentProblem, describeExpected, type ContentProblem } from './frontmatter.ts';
import type { ComponentUse } from './mdxBody.ts';

/** An outcome code from data/outcomes.csv, such as s47. */
const outcome = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an outcome code from data/outcomes.csv, such as s47');
/** An official measure from data/context/ (drawn per 10,000 children). */
const measure = z.enum(COUNT_MEASURES);
/** MDX gives attributes written "2" as text and {2} as numbers; both are accepted. */
const wholeNumber = (min: number) => z.coerce.number().int().min(min);

/** What every figure takes: a heading in place of the chart's own, and its level. */
const common = {
  heading: z.string().min(1).optional(),
  level: z.coerce
    .number()
    .refine((n) => n === 2 || n === 3 || n === 4, 'a heading level: 2, 3 or 4')
    .optional(),
};

/** Each chart with what it needs; `chart` names it. */
export const figurePropsSchema = z.discriminatedUnion('chart', [
  /** The trial's rate ratios for every outcome (forest plot), with the published primary result. */
  z.strictObject({ chart: z.literal('trial-forest'), ...common }),
  /** The trial's differences in mean score (forest plot on a linear axis); only with a score outcome. */
  z.strictObject({ chart: z.literal('trial-differences'), ...common }),
  /** The flow of schools through the trial (CONSORT). */
  z.strictObject({ chart: z.literal('trial-consort'), ...common }),
  /** The pilot's difference-in-differences estimates for one outcome, overall and per authority. */
  z.strictObject({ chart: z.literal('pilot-forest'), outcome, ...common }),
  /** Natural frequencies: an outcome's events a year in a school of `pupils`, without and with the programme. */
  z.strictObject({
    chart: z.literal('school-frequencies'),
    outcome,
    /** The official count measure whose latest England rate gives the expected events (as <SchoolFrequency>'s). */
    measure: measure.optional(),
    pupils: wholeNumber(100).max(10_000).default(1000),
    /** The words for one event and for many: "Section 47 enquiry", "Section 47 enquiries". */
    event: z.string().min(1).optional(),
    events: z.string().min(1).optional(),
    ...common,
  }),
  /** Map of England: the authorities that took part in each study. */
  z.strictObject({ chart: z.literal('programme-map'), ...common }),
  /** Map of England: each authority's change in an official measure, the study years against the years before. */
  z.strictObject({ chart: z.literal('change-map'), measure: measure.default('s47_enquiries'), ...common }),
  /** Each programme authority's official rate before and during the study, England for reference. */
  z.strictObject({ chart: z.literal('before-after'), measure: measure.default('referrals'), ...common }),
  /** Small multiples: the trend of an official measure in every programme authority, England in each. */
  z.strictObject({
    chart: z.literal('programme-trends'),
    measure: measure.default('s47_enquiries'),
    ...common,
  }),
  /** Trend lines: one authority (by its code, e.g. E09000022) against England. */
  z.strictObject({
    chart: z.literal('authority-trend'),
    authority: z.string().regex(/^E\d{8}$/, 'an authority code such as E09000022'),
    measure: measure.default('s47_enquiries'),
    ...common,
  }),
  /**
   * One result drawn: a rate ratio and its 95% interval against no difference and its outcome's
   * band of little or no difference, captioned with the finding in words (<Verdict>'s). `published`
   * draws the published estimate; `subject` who or what is compared (default: the programme);
   * `about` the outcome's words in the sentence (default: its label).
   */
  z.strictObject({
    chart: z.literal('result'),
    study: z.string().min(1),
    outcome,
    analysis: z.string().min(1),
    published: z.boolean().default(false),
    subject: z.string().min(1).optional(),
    about: z.string().min(1).optional(),
    ...common,
  }),
]);

/** <Figure>'s props as written (the component's Props). */
export type FigureInput = z.input<typeof figurePropsSchema>;
/** <Figure>'s props once parsed, defaults filled in. */
export type FigureProps = z.output<typeof figurePropsSchema>;
/** The charts <Figure> can place. */
export const FIGURE_CHARTS = figurePropsSchema.options.map((o) => o.shape.chart.value);

function describe(v: unknown): string {
  if (v === undefined) return 'none';
  return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
}

/** What is wrong with one prop of a <Figure>: the prop, what was expected, what was found. */
export interface FigurePropProblem {
  prop: string;
  expected: string;
  found: string;
}

/** Every problem with `props`, one per prop; none when the schema accepts them. */
export function figurePropProblems(props: Record<string, unknown>): FigurePropProblem[] {
  const chart = props['chart'];
  const result = figurePropsSchema.safeParse(props);
  if (result.success) return [];
  const option = figurePropsSchema.options.find((o) => o.shape.chart.value === chart);
  if (!option)
    return [
      {
        prop: 'chart',
        expected: `one of ${FIGURE_CHARTS.map((c) => `"${c}"`).join(', ')}`,
        found: describe(chart),
      },
    ];
  const takes = Object.keys(option.shape).filter((k) => k !== 'chart');
  return result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((k) => ({
          prop: k,
          expected: `only the props chart="${String(chart)}" takes (${takes.join(', ')})`,
          found: 'an unknown prop; check the spelling',
        }))
      : [
          {
            prop: String(issue.path[0] ?? 'chart'),
            expected: describeExpected(issue),
            found: describe(props[String(issue.path[0])]),
          },
        ],
  );
}

/** A prop problem as a content problem at the component's place in `file`. */
export function figureProblem(
  file: string,
  line: number,
  column: number,
  p: FigurePropProblem,
): ContentProblem {
  return contentProblem(file, line, column, `<Figure> prop "${p.prop}"`, p.expected, p.found);
}

/**
 * Where in an MDX file the <Figure> given `props` is: the first use whose written attributes are
 * all among the props with the same values, for the build's errors (a component is not told its
 * line). Null when none matches, such as when every attribute is an {expression}.
 */
export function figureUseFor(
  uses: readonly ComponentUse[],
  props: Record<string, unknown>,
): ComponentUse | null {
  return (
    uses.find(
      (u) =>
        u.name === 'Figure' &&
        [...u.attributes].every(([k, v]) => v === null || String(props[k]) === v) &&
        Object.keys(props).every((k) => u.attributes.has(k)),
    ) ?? null
  );
}
