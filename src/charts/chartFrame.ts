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
};

/**
 * Wraps chart marks in the accessible outer `<svg>` shared by every chart: `role="img"`,
 * `aria-labelledby` pointing at a `<title>` and a `<desc>`, and a natural size in `width` and
 * `height` that CSS scales down to the column. The class `chart` carries the shared rules (text
 * in currentColor, forced-colours and print) in src/styles/charts.css: the site's
 * Content-Security-Policy allows only its own stylesheets, so a chart has no `<style>` element and
 * no `style` attribute. Throws RangeError if `id` is not a valid id token, because every
 * internal reference (`aria-labelledby`, markers, patterns) is derived from it.
 */
export function chartFrame(options: ChartFrameOptions): string {
  const { id, width, height, title, desc, body } = options;
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new RangeError(
      `chartFrame: id must start with a letter and use only letters, digits, "-" or "_"; got ${JSON.stringify(id)}`,
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc"`,
    ` class="chart" viewBox="0 0 ${round1(width)} ${round1(height)}" width="${round1(width)}" height="${round1(height)}"`,
    ` preserveAspectRatio="xMinYMin meet" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    body,
    `</svg>`,
  ].join('');
}
