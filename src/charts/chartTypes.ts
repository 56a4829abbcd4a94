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
export const chartResultSchema = z.object({
  id: z.string().regex(/^[A-Za-z][\w-]*$/),
  title: z.string().min(1),
  description: z.string().min(1),
  width: z.number().positive(),
  height: z.number().positive(),
  minWidth: z.number().int().positive(),
  svg: z.string().startsWith('<svg'),
  table: chartTableSchema,
});
export type ChartResult = z.infer<typeof chartResultSchema>;
