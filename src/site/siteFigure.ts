/**
 * A figure as the one <Figure> component (src/components/Figure.astro) prints it: the chart's
 * typed result and the words around it. One zod schema: the site's figure builders return this
 * type and the component parses its props with it, naming itself and the prop when one is wrong.
 */
import { z } from 'zod';
import { chartResultSchema } from '../charts/chartTypes.ts';
import { parseProps } from './parseProps.ts';

/** The licence a figure's image names, with where to read it. */
export const figureLicenceSchema = z.object({ name: z.string().min(1), url: z.url() });
export type FigureLicence = z.infer<typeof figureLicenceSchema>;

export const siteFigureSchema = z.object({
  chart: chartResultSchema,
  /** The figure's heading; without one the figure is named by its chart's title. */
  heading: z.string().trim().min(1).optional(),
  /** Prose under the chart saying how to read it. */
  caption: z.string().trim().min(1).optional(),
  source: z.string().trim().min(1),
  sourceHref: z.url().optional(),
  /** Named in the downloadable image; default: the licence of the site's results (site.yaml). */
  licence: figureLicenceSchema.optional(),
  /** File name offered for the downloads (CSV, SVG, PNG), without the extension. */
  file: z.string().regex(/^[a-z0-9-]+$/, 'kebab-case letters, digits and hyphens'),
});

/** A chart with the words <Figure> prints around it. */
export type SiteFigure = z.infer<typeof siteFigureSchema>;

/** <Figure>'s props when a page or component passes a figure it built. */
export const figureComponentSchema = siteFigureSchema.extend({
  /** Heading level; default 3. */
  level: z.union([z.literal(2), z.literal(3), z.literal(4)]).default(3),
  /** Whether to print the chart's data-table twin (folded); default true. */
  table: z.boolean().default(true),
});
export type FigureComponentInput = z.input<typeof figureComponentSchema>;

/** The parsed props, or an error naming <Figure>, each wrong prop, what was expected and found. */
export function parseFigureComponent(props: unknown): z.output<typeof figureComponentSchema> {
  return parseProps('Figure', figureComponentSchema, props);
}
