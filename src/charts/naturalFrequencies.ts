import { formatNumber } from '../lib/format/formatNumber.ts';
import { chartFrame } from './chartFrame.ts';
import type { ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import { textWidth } from './textWidth.ts';

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
};

/** Stated defaults: icon size and gap, and the width the icons may take. */
export const naturalFrequenciesDefaults = { icon: 16, gap: 4, plotWidth: 240, labelWidth: 116 } as const;

/**
 * Natural frequencies as an icon array: one square per expected event a year, a part-square for the
 * fraction. Row one is a school of this size without the programme; row two is the most likely
 * number with it, with the squares the 95% interval allows either way hatched and bracketed, so the
 * uncertainty is part of the picture. Every number is also printed. Throws RangeError unless
 * 0 ≤ low ≤ estimate ≤ high and every value is finite.
 */
export function naturalFrequencies(
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
  const { gap, plotWidth, labelWidth } = naturalFrequenciesDefaults;
  const most = Math.max(without, high);
  // Shrink icons when there are many events, so one row always fits.
  const pitch = Math.min(naturalFrequenciesDefaults.icon + gap, plotWidth / Math.max(1, Math.ceil(most)));
  const icon = Math.max(2, pitch - gap * (pitch / (naturalFrequenciesDefaults.icon + gap)));
  const left = labelWidth;
  const width = left + plotWidth + 12;
  const rowY = [36, 104];
  const parts: string[] = [
    `<defs><pattern id="${id}-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="4" stroke="${okabeIto.vermillion}" stroke-width="1.6"/></pattern></defs>`,
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
      `<text x="0" y="${y}" font-size="13"${bold ? ' font-weight="600"' : ''}>${escapeXml(text)}</text>`,
    );

  label(`Without ${programme}`, rowY[0]! + icon / 2 - 2, true);
  label(`about ${formatNumber(without, 1)}`, rowY[0]! + icon / 2 + 13);
  icons(without, rowY[0]!, '#555555');

  label(`With ${programme}`, rowY[1]! + icon / 2 - 2, true);
  label(`most likely ${formatNumber(estimate, 1)}`, rowY[1]! + icon / 2 + 13);
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
  // Key.
  const ky = rowY[1]! + icon + 40;
  parts.push(
    `<g font-size="12"><rect class="mark fill" x="0" y="${ky - 11}" width="12" height="12" fill="${okabeIto.blue}"/><text x="18" y="${ky}">expected either way</text>`,
    `<rect class="mark" x="160" y="${ky - 11}" width="12" height="12" fill="url(#${id}-hatch)" stroke="${okabeIto.vermillion}" stroke-width="0.8"/><text x="178" y="${ky}">may or may not happen</text>`,
    `<text x="0" y="${ky + 20}">One square = one ${escapeXml(event)} a year.</text>`,
    `<text x="0" y="${ky + 36}">Part-squares are fractions of one.</text></g>`,
  );
  const height = ky + 44;
  const change = (v: number) => (v < 0 ? `${formatNumber(-v, 1)} fewer` : `${formatNumber(v, 1)} more`);
  const desc = [
    `Icon array for a school of ${formatNumber(pupils, 0)} pupils: about ${formatNumber(without, 1)} ${events} a year without ${programme}.`,
    `With ${programme}, most likely ${formatNumber(estimate, 1)} (${change(estimate - without)}), and anything from ${formatNumber(low, 1)} to ${formatNumber(high, 1)} is consistent with the trial (${change(low - without)} to ${change(high - without)}).`,
  ].join(' ');
  return chartFrame({
    id,
    width,
    height,
    title,
    desc,
    body: parts.join(''),
    table: {
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
        [
          `With ${programme}, highest consistent with the trial`,
          formatNumber(high, 1),
          change(high - without),
        ],
      ],
    },
  });
}
