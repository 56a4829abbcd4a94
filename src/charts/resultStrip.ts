import { scaleLog } from 'd3';
import { formatNumber } from '../lib/format/formatNumber.ts';
import { ratioAsChange } from '../lib/format/effectInWords.ts';
import { formatRatio, logTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import { estimateColumns } from './estimateTable.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import { symbolMark } from './seriesSymbol.ts';
import { textWidth } from './textWidth.ts';
import { wrapLabel } from './wrapLabel.ts';

/** One rate ratio with its 95% confidence interval. */
export type StripResult = { estimate: number; ciLow: number; ciHigh: number };

/** Options for {@link resultStrip}; `id` must be unique on the page. */
export type ResultStripOptions = {
  id: string;
  title: string;
  /** What a ratio below 1 means, such as "Fewer with SWIS". */
  lowerLabel: string;
  /** What a ratio above 1 means, such as "More with SWIS". */
  upperLabel: string;
  /** The band of little or no difference, as a percentage either side of 1 (10: 0.90 to 1.10); none drawn when absent. */
  bandPercent?: number;
  /** Whether the estimate is the published one (a hollow circle, as in the forest plots) or computed (a filled square). */
  kind: 'published' | 'computed';
  /** Name of the measure, for the axis, the table and the description; default "Rate ratio". */
  measure?: string;
  /** The natural width in px; default the text column (720), with a phone layout as `narrow`. */
  width?: number;
};

/**
 * Stated defaults for {@link resultStrip}: laid out for the text column, and again for a phone
 * (chartWidths), its text at 15 px; a direction label longer than its half of the axis wraps.
 */
export const resultStripDefaults = {
  width: chartWidths.column,
  fontSize: 15,
  measure: 'Rate ratio',
} as const;

/**
 * One result drawn on its own: a rate ratio and its 95% confidence interval on a log axis,
 * against the line of no difference at 1 and, when given, the band of "little or no difference"
 * the words for the finding are chosen by (src/lib/format/effectInWords.ts), so a reader sees why
 * the words say what they say. The estimate and both ends of the interval are labelled directly,
 * as ratios and as changes in the rate; the domain is symmetric about 1 and holds the interval
 * and the band. Throws RangeError for a non-positive or out-of-order interval.
 *
 * @example resultStrip({ estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 }, { id: 'main', title: 'S47', lowerLabel: 'Fewer with SWIS', upperLabel: 'More with SWIS', bandPercent: 10, kind: 'published' })
 */
export function resultStrip(result: StripResult, options: ResultStripOptions): ChartResult {
  return withPhoneLayout((o) => drawResultStrip(result, o), options);
}

function drawResultStrip(result: StripResult, options: ResultStripOptions): ChartResult {
  const { estimate, ciLow, ciHigh } = result;
  const { id, title, lowerLabel, upperLabel, bandPercent, kind } = options;
  const measure = options.measure ?? resultStripDefaults.measure;
  const { fontSize } = resultStripDefaults;
  if (
    ![estimate, ciLow, ciHigh].every((v) => Number.isFinite(v) && v > 0) ||
    !(ciLow <= estimate && estimate <= ciHigh)
  )
    throw new RangeError(
      `resultStrip: needs 0 < ciLow <= estimate <= ciHigh; got ${ciLow}, ${estimate}, ${ciHigh} (chart "${title}")`,
    );
  if (bandPercent !== undefined && !(bandPercent > 0 && bandPercent < 100))
    throw new RangeError(`resultStrip: bandPercent must be above 0 and below 100; got ${bandPercent}`);
  const band = bandPercent === undefined ? null : ([1 - bandPercent / 100, 1 + bandPercent / 100] as const);

  // Ratios are labelled to 3 decimals, as the site's tables give them; ticks to 2.
  const label = (v: number) => formatNumber(v, 3);
  // Room either side for an end label set outside its end when the interval is too narrow for both inside.
  const margin = Math.max(...[ciLow, ciHigh].map((v) => textWidth(label(v), fontSize))) + 8;
  const lower = `\u2190 ${lowerLabel}`;
  const upper = `${upperLabel} \u2192`;
  const width = options.width ?? resultStripDefaults.width;
  // Each direction label on its own side of the centre line, wrapped when it is longer than that side.
  const lineHeight = round1(fontSize * 1.2);
  const lowerLines = wrapLabel(lower, width / 2 - 12, fontSize, 3);
  const upperLines = wrapLabel(upper, width / 2 - 12, fontSize, 3);
  const extra = (Math.max(lowerLines.length, upperLines.length) - 1) * lineHeight;
  // Symmetric about 1, with room around the interval and the band, and never narrower than
  // 0.8 to 1.25, so the axis always has ticks either side of 1.
  const reach = Math.max(
    Math.max(Math.abs(Math.log(ciLow)), Math.abs(Math.log(ciHigh)), band ? Math.log(band[1]) : 0) * 1.3,
    Math.log(1.25) * 1.05,
  );
  const x = scaleLog()
    .domain([Math.exp(-reach), Math.exp(reach)])
    .range([margin, width - margin]);
  const x1 = round1(x(1));
  const ex = round1(x(estimate));
  const lo = round1(x(ciLow));
  const hi = round1(x(ciHigh));

  const top = 28;
  const cy = 74;
  const axisY = 116;
  const height = axisY + 92 + extra;
  const colour = kind === 'published' ? okabeIto.vermillion : okabeIto.blue;
  const parts: string[] = [];

  if (band) {
    const [b0, b1] = [round1(x(band[0])), round1(x(band[1]))];
    parts.push(
      `<rect class="shade" x="${b0}" y="${top}" width="${round1(b1 - b0)}" height="${axisY - top}" fill="#e8e8e8"/>`,
      `<line class="rule" x1="${b0}" x2="${b0}" y1="${top}" y2="${axisY}" stroke-width="1" stroke-dasharray="3 3"/>`,
      `<line class="rule" x1="${b1}" x2="${b1}" y1="${top}" y2="${axisY}" stroke-width="1" stroke-dasharray="3 3"/>`,
      `<text x="${x1}" y="${top - 8}" text-anchor="middle">Little or no difference</text>`,
    );
  }
  // The line of no difference.
  parts.push(`<line class="rule" x1="${x1}" x2="${x1}" y1="${top}" y2="${axisY}" stroke-width="2"/>`);
  // The estimate and its interval; the estimate labelled above, each end below (or beside its
  // end, outwards, when the two would touch).
  const inside = hi - lo >= (textWidth(label(ciLow), fontSize) + textWidth(label(ciHigh), fontSize)) / 2 + 8;
  parts.push(
    `<line class="mark" x1="${lo}" x2="${hi}" y1="${cy}" y2="${cy}" stroke="${colour}" stroke-width="3"/>`,
    `<line class="mark" x1="${lo}" x2="${lo}" y1="${cy - 8}" y2="${cy + 8}" stroke="${colour}" stroke-width="3"/>`,
    `<line class="mark" x1="${hi}" x2="${hi}" y1="${cy - 8}" y2="${cy + 8}" stroke="${colour}" stroke-width="3"/>`,
    kind === 'published'
      ? symbolMark(
          'circle',
          ex,
          cy,
          ` class="mark hollow" fill="#fff" stroke="${colour}" stroke-width="3"`,
          '',
          Math.PI * 64,
        )
      : symbolMark('square', ex, cy, ` class="mark fill" fill="${colour}" stroke="${colour}"`, '', 256),
    `<text x="${ex}" y="${cy - 16}" text-anchor="middle" font-weight="700">${label(estimate)}</text>`,
    inside
      ? `<text x="${lo}" y="${cy + 28}" text-anchor="middle">${label(ciLow)}</text><text x="${hi}" y="${cy + 28}" text-anchor="middle">${label(ciHigh)}</text>`
      : `<text x="${round1(lo - 12)}" y="${cy + 5}" text-anchor="end">${label(ciLow)}</text><text x="${round1(hi + 12)}" y="${cy + 5}">${label(ciHigh)}</text>`,
  );
  // The axis, its ticks on the log scale's reciprocal pairs, then what each side of 1 means.
  parts.push(
    `<line class="axis" x1="${margin}" x2="${round1(width - margin)}" y1="${axisY}" y2="${axisY}"/>`,
  );
  for (const t of logTicks(x, 5, 48))
    parts.push(
      `<line class="axis" x1="${t.position}" x2="${t.position}" y1="${axisY}" y2="${axisY + 6}"/>`,
      `<text x="${t.position}" y="${axisY + 22}" text-anchor="middle">${t.label}</text>`,
    );
  parts.push(
    ...lowerLines.map(
      (l, i) =>
        `<text x="${round1(x1 - 8)}" y="${round1(axisY + 44 + i * lineHeight)}" text-anchor="end">${escapeXml(l)}</text>`,
    ),
    ...upperLines.map(
      (l, i) =>
        `<text x="${round1(x1 + 8)}" y="${round1(axisY + 44 + i * lineHeight)}">${escapeXml(l)}</text>`,
    ),
    `<text x="${x1}" y="${round1(axisY + 64 + extra)}" text-anchor="middle">${escapeXml(measure)} (log scale)</text>`,
    `<text x="${x1}" y="${round1(axisY + 84 + extra)}" text-anchor="middle">1 means no difference</text>`,
  );

  const where = band
    ? ciLow >= band[0] && ciHigh <= band[1]
      ? 'lies wholly inside'
      : ciHigh < band[0] || ciLow > band[1]
        ? 'lies wholly outside'
        : 'reaches beyond'
    : null;
  const desc = [
    `${measure} ${label(estimate)} (${kind}), 95% confidence interval ${label(ciLow)} to ${label(ciHigh)}: from ${ratioAsChange(ciLow)} to ${ratioAsChange(ciHigh)}, on a log scale.`,
    `The interval ${ciLow < 1 && ciHigh > 1 ? 'crosses' : 'does not cross'} the line of no difference at 1.`,
    band && where
      ? `The band of little or no difference runs from ${formatRatio(band[0])} to ${formatRatio(band[1])}; the interval ${where} it.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  const table = {
    caption: title,
    columns: [
      ...estimateColumns(measure),
      ...(band
        ? [
            { label: 'Little or no difference from', numeric: true },
            { label: 'Little or no difference to', numeric: true },
          ]
        : []),
    ],
    rows: [
      [
        kind === 'published' ? 'Published' : 'Computed',
        label(estimate),
        label(ciLow),
        label(ciHigh),
        ...(band ? [formatRatio(band[0]), formatRatio(band[1])] : []),
      ],
    ],
  };
  const body = `<g font-size="${fontSize}">${parts.join('')}</g>`;
  return chartFrame({ id, width, height, title, desc, body, table });
}
