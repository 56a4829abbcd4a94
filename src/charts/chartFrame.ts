import type { ChartResult, ChartTable } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { round1 } from './round1.ts';

/** Inputs to {@link chartFrame}; `body` is already-escaped SVG markup. */
export type ChartFrameOptions = {
  id: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  body: string;
  table: ChartTable;
  /** The font size the chart's text inherits unless it sets its own; default 13. */
  fontSize?: number;
};

/**
 * Wraps chart marks in the accessible outer `<svg>` shared by every chart: `role="img"`,
 * `aria-labelledby` pointing at a `<title>` and a `<desc>`, a viewBox with its natural `width` and
 * `height`; and returns it as the chart's typed result, with `minWidth` (see {@link readableWidth})
 * for the figure's scroll box, so no consumer reads the SVG text back. The SVG
 * carries no `style` attribute or `<style>` element, so a strict Content-Security-Policy
 * (style-src 'self') does not block it: text colour, forced-colours and print rules for the
 * classes `.chart`, `.mark`, `.fill`, `.hollow`, `.shade`, `.axis` and `.rule` live in
 * src/styles/site.css. Throws RangeError if `id` is not a valid id token, because every
 * internal reference (`aria-labelledby`, markers, patterns) is derived from it.
 */
export function chartFrame(options: ChartFrameOptions): ChartResult {
  const { id, width, height, title, desc, body, table, fontSize = rootFontSize } = options;
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new RangeError(
      `chartFrame: id must start with a letter and use only letters, digits, "-" or "_"; got ${JSON.stringify(id)}`,
    );
  }
  const w = round1(width);
  const h = round1(height);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc"`,
    ` viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" preserveAspectRatio="xMinYMin meet"`,
    ` font-family="system-ui, sans-serif" font-size="${fontSize}">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    body,
    `</svg>`,
  ].join('');
  return {
    id,
    title,
    description: desc,
    width: w,
    height: h,
    minWidth: readableWidth(width, body, fontSize),
    svg,
    table,
  };
}

/** The root `font-size` every chart's text inherits unless it sets its own. */
const rootFontSize = 13;

/** The smallest text a chart may be shrunk to, in CSS px (WCAG has no number; 11 px is the floor we hold). */
export const minTextPx = 11;

/**
 * The narrowest width, in CSS px, at which the chart's smallest text still renders at
 * {@link minTextPx}: the figure's scroll box never shrinks the chart below it (it scrolls sideways
 * instead), and never draws it wider than its natural `width`. Reads the `font-size` attributes
 * the builder wrote and the size its text `inherited` from the root, so a builder that adds
 * smaller text widens its minimum automatically.
 */
export function readableWidth(width: number, body: string, inherited = rootFontSize): number {
  const sizes = [...body.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  const smallest = Math.min(inherited, ...sizes);
  return Math.min(Math.ceil(width), Math.ceil((width * minTextPx) / smallest));
}
