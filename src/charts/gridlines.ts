import type { Tick } from './axis.ts';
import { round1 } from './round1.ts';

/** Options for {@link yGridlines}. */
export type YGridlinesOptions = {
  /** Left and right ends of the lines (the plot's edges), in px. */
  x0: number;
  x1: number;
  /** Draw the tick labels to the left of `x0`; default true (small panels label only the first column). */
  labels?: boolean;
  /** Opacity of the lines; a tick at zero is drawn solid as the baseline. Default 0.15. */
  opacity?: number;
  fontSize?: number;
};

/**
 * Horizontal gridlines at a value axis's ticks, with their labels right-aligned before the plot:
 * the value axis of every chart whose values run up the page.
 */
export function yGridlines(ticks: readonly Tick[], o: YGridlinesOptions): string {
  const { x0, x1, labels = true, opacity = 0.15, fontSize = 11 } = o;
  return ticks
    .map(
      (t) =>
        `<line class="axis" x1="${x0}" x2="${x1}" y1="${t.position}" y2="${t.position}" stroke-opacity="${t.value === 0 ? 1 : opacity}"/>` +
        (labels
          ? `<text x="${x0 - 6}" y="${round1(t.position + fontSize * 0.36)}" text-anchor="end" font-size="${fontSize}">${t.label}</text>`
          : ''),
    )
    .join('');
}

/** Options for {@link xGridlines}. */
export type XGridlinesOptions = {
  /** Top and bottom ends of the lines (the plot's edges), in px. */
  y0: number;
  y1: number;
  /** Draw the tick labels centred under `y1`; default true. */
  labels?: boolean;
  /** Opacity of the lines; a tick at zero is drawn solid as the baseline. Default 0.15. */
  opacity?: number;
  fontSize?: number;
};

/**
 * Vertical gridlines at a value axis's ticks, with their labels centred under the plot: the value
 * axis of every chart whose values run across the page.
 */
export function xGridlines(ticks: readonly Tick[], o: XGridlinesOptions): string {
  const { y0, y1, labels = true, opacity = 0.15, fontSize = 11 } = o;
  return ticks
    .map(
      (t) =>
        `<line class="axis" x1="${t.position}" x2="${t.position}" y1="${round1(y0)}" y2="${round1(y1)}" stroke-opacity="${t.value === 0 ? 1 : opacity}"/>` +
        (labels
          ? `<text x="${t.position}" y="${round1(y1 + 4 + fontSize)}" text-anchor="middle" font-size="${fontSize}">${t.label}</text>`
          : ''),
    )
    .join('');
}
