import { scaleLinear, scaleLog } from 'd3';
import { formatRatio, linearTicks, logTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import { estimateColumns } from './estimateTable.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import { symbolMark } from './seriesSymbol.ts';
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
  /** The natural width in px; default the text column (720), with a phone layout as `narrow`. */
  width?: number;
};

// Lower-cases only the first letter, so a programme's name keeps its capitals mid-sentence.
const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/** Stated defaults for {@link forestPlot}. */
export const forestPlotDefaults = {
  lowerLabel: 'Fewer with the programme',
  upperLabel: 'More with the programme',
  measure: 'Rate ratio',
  rowHeight: 34,
  /** The natural width, the text column; below `stackBelow` each value sits under its label. */
  width: chartWidths.column,
  stackBelow: 480,
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
  return withPhoneLayout((o) => drawForestPlot(rows, o), options);
}

function drawForestPlot(rows: readonly ForestRow[], options: ForestPlotOptions): ChartResult {
  const { id, title } = options;
  const lowerLabel = options.lowerLabel ?? forestPlotDefaults.lowerLabel;
  const upperLabel = options.upperLabel ?? forestPlotDefaults.upperLabel;
  const measure = options.measure ?? forestPlotDefaults.measure;
  const scale = options.scale ?? 'ratio';
  const ratio = scale === 'ratio';
  const { rowHeight, fontSize } = forestPlotDefaults;
  const width = options.width ?? forestPlotDefaults.width;
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
  // Wide: label | plot | value columns. Stacked (narrow): each value under its label, so the plot
  // keeps most of a phone's width.
  const stacked = width < forestPlotDefaults.stackBelow;
  const lineHeight = round1(fontSize * 1.1);
  const labelLines = new Map(
    rows.map((r) => [
      r,
      stacked
        ? wrapLabel(r.label, width * 0.4, fontSize, 4)
        : wrapLabel(r.label, Math.min(220, width * 0.3), fontSize),
    ]),
  );
  const linesOf = (r: (typeof rows)[number]) => labelLines.get(r) ?? [r.label];
  // Bold (the overall row) runs up to a fifth wider than textWidth's estimate.
  const wide = (r: ForestRow, t: string) => textWidth(t, fontSize) * (r.overall ? 1.2 : 1);
  const labelWidth =
    Math.max(
      80,
      ...rows.flatMap((r) => [...linesOf(r), ...(stacked ? [interval(r)] : [])].map((l) => wide(r, l))),
    ) + 12;
  const valueWidth = stacked ? 0 : Math.max(...rows.map((r) => wide(r, interval(r)))) + 16;
  const left = round1(labelWidth);
  const plotWidth = width - left - valueWidth - 12;
  if (plotWidth < 80)
    throw new RangeError(
      `forestPlot: width ${width} leaves ${Math.round(plotWidth)} px for the plot of "${title}"`,
    );
  const logX = scaleLog()
    .domain([Math.exp(-reach), Math.exp(reach)])
    .range([left, left + plotWidth]);
  const linearX = scaleLinear()
    .domain([-reach, reach])
    .range([left, left + plotWidth]);
  const x = (v: number): number => (ratio ? logX(v) : linearX(v));
  const x1 = round1(x(NO_EFFECT[scale]));
  // Direction labels either side of the line of no effect, wrapped to the room on their side.
  const lowerLines = wrapLabel(`\u2190 ${lowerLabel}`, x1 - 10, 12, 3);
  const upperLines = wrapLabel(`${upperLabel} \u2192`, width - x1 - 10, 12, 3);
  const directionLines = Math.max(lowerLines.length, upperLines.length);
  // The column heading: over the value column when wide (a long measure such as "Difference in
  // mean score, points" wraps to it), over the labels when stacked.
  const heading = wrapLabel(`${measure} (95% CI)`, stacked ? labelWidth - 8 : valueWidth - 4, 12, 3);
  const headTop = directionLines * 14 + 12;
  const top = Math.max(headTop + 8, (stacked ? headTop : 26) + heading.length * 14) + 4;
  const rowHeights = rows.map((r) =>
    Math.max(
      rowHeight,
      (linesOf(r).length + (stacked ? 1 : 0)) * lineHeight + (r.kind === 'published' ? 14 : 10),
    ),
  );
  const rowTops = rowHeights.map((_, i) => top + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  const axisY = top + rowHeights.reduce((a, b) => a + b, 0) + 6;
  const height = axisY + 42;

  const parts: string[] = [];
  parts.push(
    `<g font-size="12">`,
    wrappedText(lowerLines, x1 - 6, (directionLines * 14) / 2 + 4, 12, ' text-anchor="end"'),
    wrappedText(upperLines, x1 + 6, (directionLines * 14) / 2 + 4, 12),
    `</g>`,
  );
  heading.forEach((line, i) => {
    const y = top - 8 - 14 * (heading.length - 1 - i);
    parts.push(
      stacked
        ? `<text x="4" y="${y}" font-size="12" font-weight="600">${escapeXml(line)}</text>`
        : `<text x="${round1(width - 4)}" y="${y}" text-anchor="end" font-size="12" font-weight="600">${escapeXml(line)}</text>`,
    );
  });
  // Line of no effect.
  parts.push(
    `<line class="rule" x1="${x1}" x2="${x1}" y1="${directionLines * 14 + 8}" y2="${axisY}" stroke-width="1"/>`,
  );

  rows.forEach((r, i) => {
    const rowTop = rowTops[i] ?? top;
    const h = rowHeights[i] ?? rowHeight;
    const cy = round1(rowTop + h / 2);
    const ex = round1(x(r.estimate));
    const lo = round1(x(r.ciLow));
    const hi = round1(x(r.ciHigh));
    const colour = r.overall ? 'currentColor' : r.kind === 'published' ? okabeIto.vermillion : okabeIto.blue;
    const name = `${escapeXml(r.label)}${r.kind === 'published' ? ` (published)` : ''}`;
    const bold = r.overall ? ' font-weight="700"' : '';
    parts.push(`<g>`);
    if (r.overall) {
      parts.push(
        `<line class="rule" x1="4" x2="${round1(width - 4)}" y1="${round1(rowTop)}" y2="${round1(rowTop)}" stroke-width="0.5" stroke-dasharray="2 2"/>`,
      );
    }
    if (stacked) {
      const lines = [...linesOf(r), interval(r)];
      parts.push(wrappedText(lines, 4, cy, fontSize, bold));
    } else {
      parts.push(wrappedText(linesOf(r), 4, cy, fontSize, bold));
    }
    if (r.overall) {
      const fill = r.kind === 'published' ? 'none' : colour;
      parts.push(
        `<path class="mark${r.kind === 'published' ? '' : ' fill'}" d="M${lo},${cy}L${ex},${round1(cy - 8)}L${hi},${cy}L${ex},${round1(cy + 8)}Z" fill="${fill}" stroke="${colour}" stroke-width="1.5"><title>${name}: ${interval(r)}</title></path>`,
      );
    } else {
      parts.push(
        `<line class="mark" x1="${lo}" x2="${hi}" y1="${cy}" y2="${cy}" stroke="${colour}" stroke-width="2"${r.kind === 'published' ? ' stroke-dasharray="5 3"' : ''}/>`,
      );
      parts.push(
        r.kind === 'published'
          ? symbolMark(
              'circle',
              ex,
              cy,
              ` class="mark hollow" fill="#fff" stroke="${colour}" stroke-width="2"`,
              `<title>${name}: ${interval(r)}</title>`,
              80,
            )
          : symbolMark(
              'square',
              ex,
              cy,
              ` class="mark fill" fill="${colour}" stroke="${colour}"`,
              `<title>${name}: ${interval(r)}</title>`,
              100,
            ),
      );
    }
    if (r.kind === 'published') {
      // Tag below the interval, centred on the estimate, so it cannot collide with the CI text.
      parts.push(
        `<text x="${ex}" y="${round1(cy + 16)}" text-anchor="middle" font-size="12" font-style="italic">published</text>`,
      );
    }
    if (!stacked)
      parts.push(
        `<text x="${round1(width - 4)}" y="${round1(cy + 4)}" text-anchor="end" font-variant-numeric="tabular-nums"${bold}>${interval(r)}</text>`,
      );
    parts.push(`</g>`);
  });

  // Axis, its title centred under the line of no effect but kept inside the chart.
  const axisTitle = `${measure}${ratio ? ' (log scale)' : ''}`;
  const axisTitleHalf = textWidth(axisTitle, 12) / 2;
  parts.push(
    `<g class="axis-ticks"><line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${axisY}" y2="${axisY}"/>`,
  );
  const ticks = ratio ? logTicks(logX) : linearTicks(linearX, 5);
  for (const t of ticks) {
    parts.push(
      `<line class="axis" x1="${t.position}" x2="${t.position}" y1="${axisY}" y2="${axisY + 5}"/><text x="${t.position}" y="${axisY + 18}" text-anchor="middle" font-size="12">${t.label}</text>`,
    );
  }
  parts.push(
    `<text x="${round1(Math.min(Math.max(x1, axisTitleHalf + 4), width - axisTitleHalf - 4))}" y="${axisY + 36}" text-anchor="middle" font-size="12">${escapeXml(axisTitle)}</text></g>`,
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
      columns: [...estimateColumns(measure), { label: 'Source', numeric: false }],
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
