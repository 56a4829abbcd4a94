import { formatNumber } from '../lib/format/formatNumber.ts';
import { chartFrame } from './chartFrame.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { legend } from './legend.ts';
import { okabeIto } from './okabeIto.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { hatchPattern } from './programmeBand.ts';
import { round1 } from './round1.ts';
import { textWidth } from './textWidth.ts';
import { wrapLabel } from './wrapLabel.ts';

/**
 * Expected events a year for one school: without the programme, and with it (most likely and the
 * plausible range from a rate ratio's 95% interval). All are counts a year, not changes.
 */
export type NaturalFrequenciesData = {
  pupils: number;
  without: number;
  estimate: number;
  low: number;
  high: number;
};

/** Options for {@link naturalFrequencies}; `id` must be unique on the page. */
export type NaturalFrequenciesOptions = {
  id: string;
  title: string;
  /** The event, singular and plural: "Section 47 enquiry", "Section 47 enquiries". */
  event: string;
  events: string;
  /** How the rows name what was tested: "With SWIS", "Without SWIS". */
  programme: string;
  /** The width to lay out for, in px; default the text column, with a phone layout as `narrow`. */
  width?: number;
};

/**
 * Stated defaults: icon size and gap, the width the icons may take beside a label column of
 * `labelWidth`; below `stackBelow` px each row's words stand above its icons.
 */
export const naturalFrequenciesDefaults = {
  icon: 16,
  gap: 4,
  plotWidth: 240,
  labelWidth: 116,
  stackBelow: 480,
} as const;

/**
 * Natural frequencies as an icon array: one square per expected event a year, a part-square for the
 * fraction. Row one is a school of this size without the programme; row two is the most likely
 * number with it, with the squares the 95% interval allows either way hatched and bracketed, so the
 * uncertainty is part of the picture. Every number is also printed. Laid out with the words beside
 * the icons, and for a phone with the words above them. Throws RangeError unless
 * 0 ≤ low ≤ estimate ≤ high and every value is finite.
 */
export function naturalFrequencies(
  data: NaturalFrequenciesData,
  options: NaturalFrequenciesOptions,
): ChartResult {
  return withPhoneLayout((o) => drawNaturalFrequencies(data, o), options);
}

function drawNaturalFrequencies(
  data: NaturalFrequenciesData,
  options: NaturalFrequenciesOptions,
): ChartResult {
  const { id, title, event, events, programme } = options;
  const { without, estimate, low, high, pupils } = data;
  for (const [k, v] of Object.entries(data))
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`naturalFrequencies: ${k} must be finite and ≥ 0; got ${v}`);
  if (!(low <= estimate && estimate <= high))
    throw new RangeError(`naturalFrequencies: need low ≤ estimate ≤ high; got ${low}, ${estimate}, ${high}`);
  const { gap, labelWidth, stackBelow } = naturalFrequenciesDefaults;
  const stacked = (options.width ?? chartWidths.column) < stackBelow;
  const left = stacked ? 0 : labelWidth;
  const plotWidth = stacked
    ? (options.width ?? chartWidths.phone) - 12
    : naturalFrequenciesDefaults.plotWidth;
  const width = left + plotWidth + 12;
  const most = Math.max(without, high);
  // Shrink icons when there are many events, so one row always fits.
  const pitch = Math.min(naturalFrequenciesDefaults.icon + gap, plotWidth / Math.max(1, Math.ceil(most)));
  const icon = Math.max(2, pitch - gap * (pitch / (naturalFrequenciesDefaults.icon + gap)));
  // Stacked, each row's two lines of words stand above it (and, in row two, the range's bracket).
  const rowY = stacked ? [44, round1(44 + icon + 78)] : [36, 104];
  const parts: string[] = [
    `<defs>${hatchPattern(id, { size: 4, stroke: okabeIto.vermillion, strokeWidth: 1.6 })}</defs>`,
  ];
  const icons = (count: number, y: number, fill: string, from = 0) => {
    for (let i = Math.floor(from); i < Math.ceil(count); i++) {
      const start = Math.max(i, from);
      const w = Math.min(1, count - i) - (start - i);
      if (w <= 0.001) continue;
      parts.push(
        `<rect class="mark${fill.startsWith('url') ? '' : ' fill'}" x="${round1(left + start * pitch)}" y="${y}" width="${round1(w * icon)}" height="${round1(icon)}" fill="${fill}" stroke="${fill.startsWith('url') ? okabeIto.vermillion : 'none'}" stroke-width="0.8"/>`,
      );
    }
  };
  const label = (text: string, y: number, bold = false) =>
    parts.push(
      `<text x="0" y="${round1(y)}" font-size="13"${bold ? ' font-weight="600"' : ''}>${escapeXml(text)}</text>`,
    );
  // The two lines of words for a row whose icons start at y: beside them, or above them.
  const words = (name: string, value: string, y: number, above: number) => {
    label(name, stacked ? y - above - 17 : y + icon / 2 - 2, true);
    label(value, stacked ? y - above - 2 : y + icon / 2 + 13);
  };

  words(`Without ${programme}`, `about ${formatNumber(without, 1)}`, rowY[0]!, 10);
  icons(without, rowY[0]!, '#555555');

  words(`With ${programme}`, `most likely ${formatNumber(estimate, 1)}`, rowY[1]!, 30);
  icons(low, rowY[1]!, okabeIto.blue);
  icons(high, rowY[1]!, `url(#${id}-hatch)`, low);
  // Bracket over the plausible range, and a tick at the most likely value.
  const bx0 = round1(left + low * pitch);
  const bx1 = round1(left + high * pitch);
  const by = rowY[1]! - 8;
  // Centred over the bracket, but kept inside the frame when the bracket is near the right edge.
  const rangeText = `plausible range ${formatNumber(low, 1)} to ${formatNumber(high, 1)}`;
  const half = textWidth(rangeText, 12) / 2;
  const rangeX = Math.min(Math.max((bx0 + bx1) / 2, half), width - half);
  parts.push(
    `<path class="mark" d="M${bx0},${by + 5}V${by}H${bx1}V${by + 5}" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
    `<text x="${round1(rangeX)}" y="${by - 5}" text-anchor="middle" font-size="12">${escapeXml(rangeText)}</text>`,
    `<path class="mark" d="M${round1(left + estimate * pitch)},${rowY[1]! - 2}V${round1(rowY[1]! + icon + 4)}" stroke="currentColor" stroke-width="2"/>`,
  );
  const key = legend(
    [
      { swatch: { type: 'area', fill: okabeIto.blue, stroke: 'none' }, label: 'expected either way' },
      {
        swatch: { type: 'area', fill: '#ffffff', pattern: `${id}-hatch`, stroke: okabeIto.vermillion },
        label: 'may or may not happen',
      },
    ],
    { x: 0, y: round1(rowY[1]! + icon + 22), width },
  );
  const notes = wrapLabel(
    `One square = one ${event} a year. Part-squares are fractions of one.`,
    width - 4,
    12,
    4,
  );
  const ky = round1(rowY[1]! + icon + 22 + key.height + 18);
  parts.push(
    key.svg,
    ...notes.map((l, i) => `<text x="0" y="${round1(ky + i * 16)}" font-size="12">${escapeXml(l)}</text>`),
  );
  const height = round1(ky + (notes.length - 1) * 16 + 8);
  const change = (v: number) => (v < 0 ? `${formatNumber(-v, 1)} fewer` : `${formatNumber(v, 1)} more`);
  const desc = [
    `Icon array for a school of ${formatNumber(pupils, 0)} pupils: about ${formatNumber(without, 1)} ${events} a year without ${programme}.`,
    `With ${programme}, most likely ${formatNumber(estimate, 1)} (${change(estimate - without)}), and anything from ${formatNumber(low, 1)} to ${formatNumber(high, 1)} is consistent with the trial (${change(low - without)} to ${change(high - without)}).`,
  ].join(' ');
  const body = parts.join('');
  const table = {
    caption: `${title}: ${events} a year`,
    columns: [
      { label: 'Scenario', numeric: false },
      { label: `${events[0]!.toUpperCase()}${events.slice(1)} a year`, numeric: true },
      { label: `Difference from without ${programme}`, numeric: true },
    ],
    rows: [
      [`Without ${programme}`, formatNumber(without, 1), '–'],
      [`With ${programme}, lowest consistent with the trial`, formatNumber(low, 1), change(low - without)],
      [`With ${programme}, most likely`, formatNumber(estimate, 1), change(estimate - without)],
      [`With ${programme}, highest consistent with the trial`, formatNumber(high, 1), change(high - without)],
    ],
  };
  return chartFrame({ id, width, height, title, desc, body, table });
}
