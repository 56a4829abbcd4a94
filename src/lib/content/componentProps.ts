/**
 * The props of the MDX components that lay out the home page and the page for schools, each as
 * one zod schema: the component parses its props with it (naming itself in the error), and
 * `npm run check` takes each component's attributes from it. Attributes written as {expressions}
 * in MDX (`pupils={1000}`) arrive as numbers or arrays; written as text they are coerced.
 */
import { z } from 'zod';

const code = z.string().regex(/^[a-z0-9_]+$/, 'a code from data/outcomes.csv, such as s47');
const wholePositive = z.coerce.number().int().positive();

/** Which of the natural-frequency figures <SchoolFrequency> prints. */
export const FREQUENCY_PARTS = ['pupils', 'expected', 'change', 'low', 'high'] as const;

/** Which parts of a published estimate <Published> prints. */
export const PUBLISHED_PARTS = ['all', 'estimate', 'interval', 'source'] as const;

export const COMPONENT_PROPS = {
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
   * <SchoolFrequency outcome="s47" pupils={1000} show="expected" />: for a school of `pupils`
   * pupils, the school's size itself (`pupils`, so the sentence and its numbers agree), the events
   * a year expected at the trial's control schools' follow-up rate (`expected`), or the change the trial's published adjusted rate ratio gives (`change`) and
   * the ends of its 95% interval (`low`, `high`), in words ("0.4 fewer", "1.5 more").
   */
  SchoolFrequency: z.strictObject({
    outcome: code,
    pupils: wholePositive,
    show: z.enum(FREQUENCY_PARTS).default('expected'),
  }),
  /**
   * <SchoolFrequencies outcome="s47" event="Section 47 enquiry" events="Section 47 enquiries"
   * short="enquiries" />: the same natural frequencies as a figure for a school of `pupils`
   * (default 1,000), a table for schools of each of `sizes` pupils, a note on where the numbers
   * come from, and a calculator for any school size (with JavaScript; the table without).
   */
  SchoolFrequencies: z.strictObject({
    outcome: code,
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

/** The components whose props are defined here. */
export type PropsComponent = keyof typeof COMPONENT_PROPS;

/**
 * Parses a component's props with its schema; throws an Error that names the component, each
 * attribute that does not fit and what it expected, so the build names the MDX file too.
 */
export function componentProps<C extends PropsComponent>(
  component: C,
  props: Record<string, unknown>,
): z.infer<(typeof COMPONENT_PROPS)[C]> {
  const result = COMPONENT_PROPS[component].safeParse(props);
  if (result.success) return result.data as z.infer<(typeof COMPONENT_PROPS)[C]>;
  const problems = result.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? `unknown attribute(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`
      : `"${i.path.join('.')}": expected ${i.message.replace(/^Invalid input: expected /, '')}, found ${JSON.stringify(valueAt(props, i.path))}`,
  );
  throw new Error(`<${component}>: ${problems.join('; ')}. See README.md, "Writing findings and updates".`);
}

function valueAt(props: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let v: unknown = props;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** A component's attributes, required and optional, for `npm run check`. */
export function componentAttributes(component: PropsComponent): { required: string[]; optional: string[] } {
  const shape = COMPONENT_PROPS[component].shape as Record<string, z.ZodType>;
  const required: string[] = [];
  const optional: string[] = [];
  for (const [name, schema] of Object.entries(shape))
    (schema.safeParse(undefined).success ? optional : required).push(name);
  return { required, optional };
}
