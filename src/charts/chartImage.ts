import type { ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { round1 } from './round1.ts';
import { wrapLabel } from './wrapLabel.ts';

/** What a downloaded chart image says around the chart, so it stands alone wherever it is pasted. */
export type ChartImageWords = {
  /** The figure's heading (or the chart's title), printed above the chart. */
  title: string;
  source: string;
  licence: { name: string; url: string };
  /** Where the figure was published, e.g. the page's address. */
  from?: string;
};

/** Stated defaults: margin, and the sizes of the title and of the small print. */
export const chartImageDefaults = { margin: 16, titleSize: 17, smallSize: 12, ink: '#0b0c0c' } as const;

/**
 * A chart as a standalone SVG file for download: white background, the title above, the chart's
 * own SVG (its column layout) nested unchanged, and the source and licence below, each wrapped to
 * the chart's width. Outside the site there is no stylesheet, and a `<style>` in the file would be
 * blocked wherever the site's Content-Security-Policy reaches it, so what src/styles/site.css
 * gives charts comes as attributes: `color` on the root for `currentColor` (text is black by
 * default), and a stroke on the axes and rules that have none.
 */
export function chartImage(chart: ChartResult, words: ChartImageWords): string {
  const { margin, titleSize, smallSize, ink } = chartImageDefaults;
  const width = chart.width + 2 * margin;
  const titleLines = wrapLabel(words.title, chart.width, titleSize * 1.1, 4);
  const small = [
    ...wrapLabel(`Source: ${words.source}`, chart.width, smallSize, 6),
    ...wrapLabel(`Licence: ${words.licence.name} (${words.licence.url})`, chart.width, smallSize, 3),
    ...(words.from ? wrapLabel(`From: ${words.from}`, chart.width, smallSize, 2) : []),
  ];
  const titleLead = round1(titleSize * 1.25);
  const smallLead = round1(smallSize * 1.35);
  const chartTop = margin + titleLines.length * titleLead + 10;
  const smallTop = chartTop + chart.height + 18;
  const height = round1(smallTop + small.length * smallLead + margin - smallLead + smallSize);
  const text = (lines: string[], top: number, lead: number, attributes: string) =>
    lines
      .map((l, i) => `<text x="${margin}" y="${round1(top + i * lead)}"${attributes}>${escapeXml(l)}</text>`)
      .join('');
  // The nested chart keeps its id, title and description; its root attributes place it.
  const nested = chart.svg
    .replace(/^<svg /, `<svg x="${margin}" y="${round1(chartTop)}" `)
    .replace(/<(line|path|rect)\b([^>]*)>/g, (element: string, name: string, attributes: string) =>
      /\bclass="(axis|rule)"/.test(attributes) && !/\sstroke="/.test(attributes)
        ? `<${name} stroke="currentColor"${attributes}>`
        : element,
    );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round1(width)}" height="${height}" viewBox="0 0 ${round1(width)} ${height}" color="${ink}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    text(titleLines, margin + titleSize, titleLead, ` font-size="${titleSize}" font-weight="700"`),
    nested,
    text(small, smallTop, smallLead, ` font-size="${smallSize}"`),
    `</svg>`,
  ].join('');
}
