import type { Tick } from './axis.ts';
import { round1 } from './round1.ts';

/** Options for {@link gridlines}. */
export type GridlinesOptions = {
  /**
   * Where the labels go, as in d3-axis: `'left'` draws horizontal lines labelled right-aligned
   * before the plot (values run up the page); `'bottom'` draws vertical lines labelled centred
   * under the plot (values run across the page).
   */
  orient: 'left' | 'bottom';
  /**
   * Where each line starts and ends across the axis (the plot's edges), in px: x for `'left'`, y
   * for `'bottom'`. Drawn as given: pass them rounded ({@link round1}) when they are computed.
   */
  from: number;
  to: number;
  /** Draw the tick labels; default true (small panels label only the first column). */
  labels?: boolean;
  /** Opacity of the lines; a tick at zero is drawn solid as the baseline. Default 0.15. */
  opacity?: number;
  fontSize?: number;
};

/**
 * Gridlines at a value axis's ticks, with their labels: the value axis of every chart. With
 * `orient: 'left'` labels stand 6 px before `from`; with `'bottom'`, 4 px under `to`.
 */
export function gridlines(ticks: readonly Tick[], o: GridlinesOptions): string {
  const { orient, from, to, labels = true, opacity = 0.15, fontSize = 11 } = o;
  return ticks
    .map((t) => {
      const p = t.position;
      const ends = orient === 'left' ? [from, to, p, p] : [p, p, from, to];
      const line = `<line class="axis" x1="${ends[0]}" x2="${ends[1]}" y1="${ends[2]}" y2="${ends[3]}" stroke-opacity="${t.value === 0 ? 1 : opacity}"/>`;
      if (!labels) return line;
      const [x, y, anchor] =
        orient === 'left'
          ? [from - 6, round1(p + fontSize * 0.36), 'end']
          : [p, round1(to + 4 + fontSize), 'middle'];
      return `${line}<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="${fontSize}">${t.label}</text>`;
    })
    .join('');
}
