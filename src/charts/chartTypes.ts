import { z } from 'zod';

/** One column of a chart's data-table twin; `numeric` columns are right-aligned by the renderer. */
export const chartTableColumnSchema = z.object({ label: z.string().min(1), numeric: z.boolean() });
export type ChartTableColumn = z.infer<typeof chartTableColumnSchema>;

/** The data-table twin of a chart: the same facts as the SVG, as already-formatted text. */
export const chartTableSchema = z.object({
  caption: z.string().min(1),
  columns: z.array(chartTableColumnSchema).min(1),
  rows: z.array(z.array(z.string())),
});
export type ChartTable = z.infer<typeof chartTableSchema>;

/**
 * What every chart builder returns, so no consumer reads a chart's SVG text back: its `id` (the
 * SVG's id; `${id}-title` and `${id}-desc` name it), its `title` and `description` (the SVG's
 * `<title>` and `<desc>`), its natural `width` and `height` in CSS px, `minWidth` (the narrowest
 * width at which its smallest text still renders at 11 px; see chartFrame's readableWidth), the
 * accessible `svg` itself and its data-table twin.
 */
const chartLayoutSchema = z.object({
  id: z.string().regex(/^[A-Za-z][\w-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  width: z.number().positive(),
  height: z.number().positive(),
  minWidth: z.number().int().positive(),
  svg: z.string().startsWith('<svg'),
  table: chartTableSchema,
});

/**
 * A chart's result; `narrow`, when present, is the same chart laid out again for a phone
 * ({@link chartWidths}.phone), which the figure shows instead when the column is too narrow for
 * the wide one's text to stay at 11 px.
 */
export const chartResultSchema = chartLayoutSchema.extend({ narrow: chartLayoutSchema.optional() });
export type ChartResult = z.infer<typeof chartResultSchema>;

/**
 * The widths charts are laid out for, in CSS px: the text column on a wide screen (a 720 px
 * chart whose smallest text is 12 px stays at 11 px or more down to a 660 px column), and a
 * phone (300 px: 12 px text stays at 11 px down to a 275 px column; a 320 px screen's column is 288).
 */
export const chartWidths = { column: 720, phone: 300 } as const;
