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
 * `aria-labelledby` pointing at a `<title>` and a `<desc>`, viewBox scaling at 100% width,
 * system-ui text in currentColor, and forced-colours / print rules so marks stay visible when the
 * palette is overridden. Throws RangeError if `id` is not a valid id token, because every
 * internal reference (`aria-labelledby`, markers, patterns) is derived from it.
 */
export function chartFrame(options: ChartFrameOptions): string {
  const { id, width, height, title, desc, body } = options;
  if (!/^[A-Za-z][\w-]*$/.test(id)) {
    throw new RangeError(
      `chartFrame: id must start with a letter and use only letters, digits, "-" or "_"; got ${JSON.stringify(id)}`,
    );
  }
  const style = [
    `#${id} text{fill:currentColor}`,
    `#${id} .axis,#${id} .rule{stroke:currentColor}`,
    `@media (forced-colors:active){#${id} .mark{stroke:CanvasText}#${id} .fill{fill:CanvasText}#${id} .hollow{fill:Canvas}#${id} .shade{fill:none}}`,
    `@media print{#${id} .shade{fill:none}}`,
  ].join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc"`,
    ` viewBox="0 0 ${round1(width)} ${round1(height)}" width="100%" preserveAspectRatio="xMinYMin meet"`,
    ` style="max-width:${round1(width)}px;height:auto;overflow:visible" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${id}-title">${escapeXml(title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<style>${style}</style>`,
    body,
    `</svg>`,
  ].join('');
}
