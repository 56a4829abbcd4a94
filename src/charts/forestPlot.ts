import { scaleLinear, scaleLog } from 'd3';
import { formatRatio, linearTicks, logTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import type { ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import { textWidth } from './textWidth.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** One row of a forest plot: a ratio (or a difference) and its 95% confidence interval. */
export type ForestRow = {
  label: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  kind: 'computed' | 'published';
  overall?: boolean;
};

/** Options for {@link forestPlot}; `id` must be unique on the page. */
export type ForestPlotOptions = {
  id: string;
  title: string;
  /** What a ratio below 1 means; default "Fewer with the programme". */
  lowerLabel?: string;
  /** What a ratio above 1 means; default "More with the programme". */
  upperLabel?: string;
  /** Name of the measure for the table and description; default "Rate ratio". */
  measure?: string;
  /**
   * `ratio` (default): ratios on a log axis around 1. `difference`: differences (e.g. in mean
   * score) on a linear axis around 0. One chart never mixes the two.
   */
  scale?: 'ratio' | 'difference';
};

// Lower-cases only the first letter, so a programme's name keeps its capitals mid-sentence.
const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** Stated defaults for {@link forestPlot}. */
export const forestPlotDefaults = {
  lowerLabel: 'Fewer with the programme',
  upperLabel: 'More with the programme',
  measure: 'Rate ratio',
  rowHeight: 34,
  plotWidth: 260,
  fontSize: 13,
} as const;

const interval = (r: ForestRow) =>
  `${formatRatio(r.estimate)} (${formatRatio(r.ciLow)} to ${formatRatio(r.ciHigh)})`;

/** The value of no effect on each scale. */
const NO_EFFECT = { ratio: 1, difference: 0 } as const;

/**
 * Forest plot of rate ratios with 95% confidence intervals on a log axis (so 0.5 and 2 sit
 * equally far from the line of no effect at 1), or with `scale: 'difference'` of differences on
 * a linear axis around 0. Computed estimates are filled squares; published estimates are hollow
 * circles with a "published" tag; an overall estimate is a diamond spanning its interval. The
 * domain is symmetric about no effect and always contains every interval. Throws RangeError for
 * an out-of-order estimate/interval, or a non-positive one on the ratio scale.
 */
export function forestPlot(rows: readonly ForestRow[], options: ForestPlotOptions): ChartResult {
  const { id, title } = options;
  const lowerLabel = options.lowerLabel ?? forestPlotDefaults.lowerLabel;
  const upperLabel = options.upperLabel ?? forestPlotDefaults.upperLabel;
  const measure = options.measure ?? forestPlotDefaults.measure;
  const scale = options.scale ?? 'ratio';
  const ratio = scale === 'ratio';
  const { rowHeight, plotWidth, fontSize } = forestPlotDefaults;
  if (rows.length === 0) throw new RangeError(`forestPlot: rows must not be empty (chart "${title}")`);
  for (const r of rows) {
    const ok =
      [r.estimate, r.ciLow, r.ciHigh].every((v) => Number.isFinite(v) && (!ratio || v > 0)) &&
      r.ciLow <= r.estimate &&
      r.estimate <= r.ciHigh;
    if (!ok) {
      throw new RangeError(
        `forestPlot: row "${r.label}" needs ${ratio ? '0 < ' : ''}ciLow <= estimate <= ciHigh; got ${r.ciLow}, ${r.estimate}, ${r.ciHigh}`,
      );
    }
  }

  // Domain symmetric about no effect (on the log scale for ratios), padded 10%, so both
  // direction labels get equal room.
  const distance = ratio ? (v: number) => Math.abs(Math.log(v)) : Math.abs;
  const reach =
    Math.max(...rows.flatMap((r) => [distance(r.ciLow), distance(r.ciHigh)]), ratio ? Math.log(1.25) : 0.5) *
    1.1;
  const labelLines = new Map(rows.map((r) => [r, wrapLabel(r.label, 130, fontSize)]));
  const linesOf = (r: (typeof rows)[number]) => labelLines.get(r) ?? [r.label];
  const labelWidth = Math.max(80, ...rows.flatMap((r) => linesOf(r).map((l) => textWidth(l, fontSize)))) + 12;
  const valueWidth = Math.max(...rows.map((r) => textWidth(interval(r), fontSize))) + 16;
  const left = round1(labelWidth);
  const top = 44;
  const logX = scaleLog()
    .domain([Math.exp(-reach), Math.exp(reach)])
    .range([left, left + plotWidth]);
  const linearX = scaleLinear()
    .domain([-reach, reach])
    .range([left, left + plotWidth]);
  const x = (v: number): number => (ratio ? logX(v) : linearX(v));
  const width = left + plotWidth + valueWidth;
  const rowsTop = top;
  const axisY = rowsTop + rows.length * rowHeight + 6;
  const height = axisY + 42;
  const x1 = round1(x(NO_EFFECT[scale]));

  const parts: string[] = [];
  // Direction labels above the plot, either side of the line of no effect, with arrows in text.
  parts.push(
    `<g font-size="12">`,
    `<text x="${round1(x1 - 6)}" y="18" text-anchor="end">\u2190 ${escapeXml(lowerLabel)}</text>`,
    `<text x="${round1(x1 + 6)}" y="18">${escapeXml(upperLabel)} \u2192</text>`,
    `</g>`,
  );
  // The column heading, wrapped to the value column (a long measure such as "Difference in mean
  // score, points" would otherwise run over the plot), its last line just above the rows.
  const heading = wrapLabel(`${measure} (95% CI)`, valueWidth - 4, 12, 3);
  heading.forEach((line, i) => {
    parts.push(
      `<text x="${round1(width - 4)}" y="${36 - 14 * (heading.length - 1 - i)}" text-anchor="end" font-size="12" font-weight="600">${escapeXml(line)}</text>`,
    );
  });
  // Line of no effect.
  parts.push(`<line class="rule" x1="${x1}" x2="${x1}" y1="26" y2="${axisY}" stroke-width="1"/>`);

  rows.forEach((r, i) => {
    const cy = round1(rowsTop + i * rowHeight + rowHeight / 2);
    const ex = round1(x(r.estimate));
    const lo = round1(x(r.ciLow));
    const hi = round1(x(r.ciHigh));
    const colour = r.overall ? 'currentColor' : r.kind === 'published' ? okabeIto.vermillion : okabeIto.blue;
    const name = `${escapeXml(r.label)}${r.kind === 'published' ? ` (published)` : ''}`;
    parts.push(`<g>`);
    if (r.overall) {
      parts.push(
        `<line class="rule" x1="4" x2="${round1(width - 4)}" y1="${round1(cy - rowHeight / 2)}" y2="${round1(cy - rowHeight / 2)}" stroke-width="0.5" stroke-dasharray="2 2"/>`,
      );
    }
    parts.push(wrappedText(linesOf(r), 4, cy, fontSize, r.overall ? ' font-weight="700"' : ''));
    if (r.overall) {
      const fill = r.kind === 'published' ? 'none' : colour;
      parts.push(
        `<path class="mark${r.kind === 'published' ? '' : ' fill'}" d="M${lo},${cy}L${ex},${round1(cy - 8)}L${hi},${cy}L${ex},${round1(cy + 8)}Z" fill="${fill}" stroke="${colour}" stroke-width="1.5"><title>${name}: ${interval(r)}</title></path>`,
      );
    } else {
      parts.push(
        `<line class="mark" x1="${lo}" x2="${hi}" y1="${cy}" y2="${cy}" stroke="${colour}" stroke-width="2"${r.kind === 'published' ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
      if (r.kind === 'published') {
        parts.push(
          `<circle class="mark hollow" cx="${ex}" cy="${cy}" r="5" fill="#fff" stroke="${colour}" stroke-width="2"><title>${name}: ${interval(r)}</title></circle>`,
        );
      } else {
        parts.push(
          `<rect class="mark fill" x="${round1(ex - 5)}" y="${round1(cy - 5)}" width="10" height="10" fill="${colour}" stroke="${colour}"><title>${name}: ${interval(r)}</title></rect>`,
        );
      }
    }
    if (r.kind === 'published') {
      // Tag below the interval, centred on the estimate, so it cannot collide with the CI text.
      parts.push(
        `<text x="${ex}" y="${round1(cy + 14)}" text-anchor="middle" font-size="11" font-style="italic">published</text>`,
      );
    }
    parts.push(
      `<text x="${round1(width - 4)}" y="${round1(cy + 4)}" text-anchor="end" font-variant-numeric="tabular-nums"${r.overall ? ' font-weight="700"' : ''}>${interval(r)}</text>`,
    );
    parts.push(`</g>`);
  });

  // Axis.
  parts.push(
    `<g class="axis-ticks"><line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${axisY}" y2="${axisY}"/>`,
  );
  const ticks = ratio ? logTicks(logX) : linearTicks(linearX, 5);
  for (const t of ticks) {
    parts.push(
      `<line class="axis" x1="${t.position}" x2="${t.position}" y1="${axisY}" y2="${axisY + 5}"/><text x="${t.position}" y="${axisY + 18}" text-anchor="middle" font-size="11">${t.label}</text>`,
    );
  }
  parts.push(
    `<text x="${x1}" y="${axisY + 36}" text-anchor="middle" font-size="12">${escapeXml(measure)}${ratio ? ' (log scale)' : ''}</text></g>`,
  );

  return chartFrame({
    id,
    width,
    height,
    title,
    desc: forestDescription(rows, { measure, lowerLabel, upperLabel, scale }),
    body: parts.join(''),
    table: {
      caption: title,
      columns: [
        { label: 'Estimate', numeric: false },
        { label: measure, numeric: true },
        { label: '95% CI lower', numeric: true },
        { label: '95% CI upper', numeric: true },
        { label: 'Source', numeric: false },
      ],
      rows: rows.map((r) => [
        r.label,
        formatRatio(r.estimate),
        formatRatio(r.ciLow),
        formatRatio(r.ciHigh),
        r.kind === 'published' ? 'Published' : 'Computed',
      ]),
    },
  });
}

/**
 * The `<desc>` text of a forest plot, generated from the rows: how many estimates, the largest
 * and smallest (excluding any overall row), how many fall on each side of 1 and the overall estimate.
 */
export function forestDescription(
  rows: readonly ForestRow[],
  labels: { measure: string; lowerLabel: string; upperLabel: string; scale?: 'ratio' | 'difference' },
): string {
  const scale = labels.scale ?? 'ratio';
  const none = NO_EFFECT[scale];
  const axis = scale === 'ratio' ? 'a log scale' : 'a linear scale';
  const parts = rows.filter((r) => !r.overall);
  const overall = rows.find((r) => r.overall);
  const pool = parts.length > 0 ? parts : rows;
  const largest = pool.reduce((a, b) => (b.estimate > a.estimate ? b : a));
  const smallest = pool.reduce((a, b) => (b.estimate < a.estimate ? b : a));
  const below = pool.filter((r) => r.estimate < none).length;
  const above = pool.filter((r) => r.estimate > none).length;
  const excluding = pool.filter((r) => r.ciHigh < none || r.ciLow > none).length;
  const published = pool.filter((r) => r.kind === 'published').length;
  const sentences = [
    `Forest plot of ${
      scale === 'ratio'
        ? `${pool.length} ${labels.measure.toLowerCase()}${pool.length === 1 ? '' : 's'}`
        : `${pool.length} ${pool.length === 1 ? 'estimate' : 'estimates'} (${labels.measure.toLowerCase()})`
    } with 95% confidence intervals on ${axis}; below ${none} means ${lowerFirst(labels.lowerLabel)}, above ${none} means ${lowerFirst(labels.upperLabel)}.`,
    `Largest: ${largest.label}, ${interval(largest)}. Smallest: ${smallest.label}, ${interval(smallest)}.`,
    `${below} below ${none} and ${above} above ${none}; ${excluding} of ${pool.length} intervals exclude ${none}.`,
  ];
  if (published > 0)
    sentences.push(
      `${published} ${published === 1 ? 'is a published estimate' : 'are published estimates'}, drawn as hollow circles.`,
    );
  if (overall)
    sentences.push(
      `Overall: ${interval(overall)}, ${overall.estimate < none ? lowerFirst(labels.lowerLabel) : overall.estimate > none ? lowerFirst(labels.upperLabel) : 'no difference'}.`,
    );
  return sentences.join(' ');
}
