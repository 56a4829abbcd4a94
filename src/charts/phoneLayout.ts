import { chartWidths, type ChartResult } from './chartTypes.ts';

/**
 * A chart laid out for the text column and again for a phone: `draw` with the caller's options,
 * and, unless the caller fixed a `width`, the same options at {@link chartWidths}.phone with the
 * id `${id}-narrow` as the result's `narrow` layout (the figure shows whichever fits its box).
 */
export function withPhoneLayout<O extends { id: string; width?: number | undefined }>(
  draw: (options: O) => ChartResult,
  options: O,
): ChartResult {
  const chart = draw(options);
  if (options.width !== undefined) return chart;
  return { ...chart, narrow: draw({ ...options, id: `${options.id}-narrow`, width: chartWidths.phone }) };
}
