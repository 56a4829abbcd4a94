/**
 * The props of the MDX components that show results and words from the data (<Estimate>,
 * <Rate>, <Fact>, <Term> …): one zod schema each, used three ways, as <Figure>'s
 * (figureProps.ts): the component parses its props with it, `npm run check` derives the
 * attributes each takes from it (checkContent.ts), and its input type is the component's Props.
 * Whether a key names a result that exists is checked against the data, not here.
 */
import { z } from 'zod';
import { describeExpected } from './frontmatter.ts';

/** A code written in an attribute: a study, an outcome, an analysis, an authority code, an id. */
const code = z.string().min(1);
const study = code;
const outcome = code;
const analysis = code;
/** `overall` or an authority code. */
const scope = code.optional();

/** An estimate's key, as <Estimate>, <Published>, <Verdict> and <ComputedVsPublished> take it. */
const estimateKey = { study, outcome, analysis };

export const COMPONENT_PROPS = {
  /** A computed estimate with its interval. */
  Estimate: z.strictObject({ ...estimateKey, scope }),
  /** A published estimate with its interval and (unless `source={false}`) its source. */
  Published: z.strictObject({ ...estimateKey, scope, source: z.boolean().default(true) }),
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
  /** A single published figure with (unless `source={false}`) its source. */
  Fact: z.strictObject({ id: code, source: z.boolean().default(true) }),
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
          : [
              props[String(issue.path[0])] === undefined
                ? `<${name}>: the "${String(issue.path[0])}" attribute is required (${takes.join(', ')}).`
                : `<${name}>: the "${String(issue.path[0])}" attribute: expected ${describeExpected(issue)}, found ${JSON.stringify(props[String(issue.path[0])])}.`,
            ],
      )
      .join('\n'),
  );
}
