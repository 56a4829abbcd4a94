import { scaleLinear } from 'd3';
import { formatChange, formatNumber } from '../lib/format/formatNumber.ts';
import { linearTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import type { ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import { textWidth } from './textWidth.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** One authority's rate before and after; null means not available (never drawn as zero). */
export type ReferralChangeRow = { label: string; before: number | null; after: number | null };

/** Options for {@link referralChange}; `id` must be unique on the page. */
export type ReferralChangeOptions = {
  id: string;
  title: string;
  /** Unit of the rates, e.g. "Referrals per 10,000 children". */
  unit: string;
  beforeLabel: string;
  afterLabel: string;
  /** A comparison such as England, drawn as a bold first row and a dashed vertical rule at its after value. */
  reference?: ReferralChangeRow;
};

/** Stated defaults for {@link referralChange}. */
export const referralChangeDefaults = { rowHeight: 32, plotWidth: 260, fontSize: 13 } as const;

const change = (r: ReferralChangeRow): number | null =>
  r.before === null || r.after === null ? null : r.after - r.before;
const fmt = (v: number | null) => (v === null ? 'no data' : formatNumber(v, 1));

/**
 * Dumbbell/arrow chart of each authority's rate before and after: a hollow circle at the before
 * value, an arrow to a filled arrowhead at the after value. Falls are blue and rises vermillion,
 * but direction is also carried by the arrow and the signed change printed on each row. Rows are
 * sorted by change (largest fall first); rows with a missing value come last with a "no data" note.
 */
export function referralChange(
  rows: readonly ReferralChangeRow[],
  options: ReferralChangeOptions,
): ChartResult {
  const { id, title, unit, beforeLabel, afterLabel, reference } = options;
  const { rowHeight, plotWidth, fontSize } = referralChangeDefaults;
  for (const r of [...rows, ...(reference ? [reference] : [])]) {
    for (const v of [r.before, r.after]) {
      if (v !== null && !Number.isFinite(v))
        throw new RangeError(
          `referralChange: row "${r.label}" has a non-finite value ${v}; use null for missing`,
        );
    }
  }
  const sorted = [...rows].sort((a, b) => {
    const ca = change(a);
    const cb = change(b);
    if (ca === null || cb === null) return ca === null ? (cb === null ? 0 : 1) : -1;
    return ca - cb || a.label.localeCompare(b.label, 'en-GB');
  });
  const all = reference ? [reference, ...sorted] : sorted;
  const values = all.flatMap((r) => [r.before, r.after]).filter((v): v is number => v !== null);
  const maxValue = values.length ? Math.max(...values) : 1;
  const minValue = values.length ? Math.min(...values) : 0;
  const noteText = (r: ReferralChangeRow) =>
    r.before === null && r.after === null
      ? 'no data'
      : r.before === null
        ? `${formatNumber(r.after ?? 0, 1)}; no ${beforeLabel} data`
        : r.after === null
          ? `${formatNumber(r.before, 1)}; no ${afterLabel} data`
          : '';
  const valueText = (r: ReferralChangeRow) => {
    const c = change(r);
    return c === null
      ? noteText(r)
      : `${formatNumber(r.before ?? 0, 1)} \u2192 ${formatNumber(r.after ?? 0, 1)} (${formatChange(c)})`;
  };

  const labelLines = new Map(all.map((r) => [r, wrapLabel(r.label, 130, fontSize)]));
  const linesOf = (r: (typeof all)[number]) => labelLines.get(r) ?? [r.label];
  const labelWidth = Math.max(80, ...all.flatMap((r) => linesOf(r).map((l) => textWidth(l, fontSize)))) + 12;
  const valueWidth = Math.max(120, ...all.map((r) => textWidth(valueText(r), 12))) + 16;
  const left = round1(labelWidth);
  const top = 48;
  // Positions, not lengths, carry the values, so the axis need not start at zero; padding keeps
  // end markers off the frame.
  const pad = Math.max((maxValue - minValue) * 0.05, Math.abs(maxValue) * 0.01, 1);
  const x = scaleLinear()
    .domain([minValue - pad, maxValue + pad])
    .nice()
    .range([left, left + plotWidth]);
  const width = left + plotWidth + valueWidth;
  const axisY = top + all.length * rowHeight + 6;
  const height = axisY + 42;
  const fall = okabeIto.blue;
  const rise = okabeIto.vermillion;

  const parts: string[] = [];
  // Legend: the shapes, not the colours, say which end is which.
  parts.push(
    `<g font-size="12">`,
    `<circle class="mark hollow" cx="${left + 6}" cy="14" r="5" fill="#fff" stroke="currentColor" stroke-width="2"/>`,
    `<text x="${left + 16}" y="18">${escapeXml(beforeLabel)}</text>`,
    `<path class="mark fill" d="M${round1(left + 30 + textWidth(beforeLabel, 12))},9L${round1(left + 40 + textWidth(beforeLabel, 12))},14L${round1(left + 30 + textWidth(beforeLabel, 12))},19Z" fill="currentColor"/>`,
    `<text x="${round1(left + 46 + textWidth(beforeLabel, 12))}" y="18">${escapeXml(afterLabel)}</text>`,
    `<text x="${round1(width - 4)}" y="38" text-anchor="end" font-weight="600">Change</text>`,
    `</g>`,
  );
  // Gridlines and axis.
  const ticks = linearTicks(x, 5);
  for (const t of ticks)
    parts.push(
      `<line class="axis" x1="${t.position}" x2="${t.position}" y1="${top - 4}" y2="${axisY}" stroke-opacity="0.15"/>`,
    );
  if (reference && reference.after !== null) {
    const rx = round1(x(reference.after));
    parts.push(
      `<line class="rule" x1="${rx}" x2="${rx}" y1="${top - 4}" y2="${axisY}" stroke-dasharray="4 3" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${rx}" y="${top - 8}" text-anchor="middle" font-size="11" font-style="italic">${escapeXml(`${reference.label} ${afterLabel}`)}</text>`,
    );
  }

  all.forEach((r, i) => {
    const isRef = reference !== undefined && i === 0;
    const cy = round1(top + i * rowHeight + rowHeight / 2);
    const c = change(r);
    const colour = isRef ? 'currentColor' : c !== null && c > 0 ? rise : fall;
    const weight = isRef ? ' font-weight="700"' : '';
    parts.push(`<g>`, wrappedText(linesOf(r), 4, cy, fontSize, weight));
    if (r.before !== null && r.after !== null) {
      const bx = round1(x(r.before));
      const ax = round1(x(r.after));
      const dir = Math.sign(ax - bx);
      // Arrowhead tip sits on the after value; shaft stops at its base so it stays sharp. When the
      // change is too small to fit a head, the head starts at the circle's edge so the direction
      // stays legible (the exact values are printed on the row).
      const short = Math.abs(ax - bx) < 15;
      const base = round1(short ? bx + dir * 5 : ax - dir * 9);
      const tip = round1(short ? bx + dir * 14 : ax);
      if (!short)
        parts.push(
          `<line class="mark" x1="${bx}" x2="${base}" y1="${cy}" y2="${cy}" stroke="${colour}" stroke-width="2.5"/>`,
        );
      parts.push(
        `<circle class="mark hollow" cx="${bx}" cy="${cy}" r="5" fill="#fff" stroke="${colour}" stroke-width="2"/>`,
      );
      const head =
        dir === 0
          ? `M${round1(ax - 4)},${round1(cy - 13)}L${round1(ax + 4)},${round1(cy - 13)}L${ax},${round1(cy - 6)}Z`
          : `M${base},${round1(cy - 6)}L${tip},${cy}L${base},${round1(cy + 6)}Z`;
      parts.push(
        `<path class="mark fill" d="${head}" fill="${colour}" stroke="${colour}" stroke-linejoin="round"/>`,
      );
    } else if (r.before !== null) {
      parts.push(
        `<circle class="mark hollow" cx="${round1(x(r.before))}" cy="${cy}" r="5" fill="#fff" stroke="currentColor" stroke-width="2"/>`,
      );
    } else if (r.after !== null) {
      const ax = round1(x(r.after));
      parts.push(
        `<path class="mark fill" d="M${round1(ax - 9)},${round1(cy - 6)}L${ax},${cy}L${round1(ax - 9)},${round1(cy + 6)}Z" fill="currentColor"/>`,
      );
    }
    const italic = c === null ? ' font-style="italic"' : '';
    parts.push(
      `<text x="${round1(width - 4)}" y="${round1(cy + 4)}" text-anchor="end" font-size="12" font-variant-numeric="tabular-nums"${weight}${italic}>${escapeXml(valueText(r))}</text>`,
      `</g>`,
    );
  });

  parts.push(`<line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${axisY}" y2="${axisY}"/>`);
  for (const t of ticks)
    parts.push(
      `<text x="${t.position}" y="${axisY + 16}" text-anchor="middle" font-size="11">${t.label}</text>`,
    );
  parts.push(
    `<text x="${round1(left + plotWidth / 2)}" y="${axisY + 34}" text-anchor="middle" font-size="12">${escapeXml(unit)}</text>`,
  );

  return chartFrame({
    id,
    width,
    height,
    title,
    desc: referralChangeDescription(sorted, options),
    body: parts.join(''),
    table: {
      caption: `${title} (${unit})`,
      columns: [
        { label: 'Area', numeric: false },
        { label: beforeLabel, numeric: true },
        { label: afterLabel, numeric: true },
        { label: 'Change', numeric: true },
      ],
      rows: all.map((r) => {
        const c = change(r);
        return [r.label, fmt(r.before), fmt(r.after), c === null ? 'not available' : formatChange(c)];
      }),
    },
  });
}

/**
 * The `<desc>` of a referral-change chart, generated from the rows: how many areas fell and
 * rose, the largest fall and rise (or smallest change), the reference's change, and which areas
 * have missing values.
 */
export function referralChangeDescription(
  rows: readonly ReferralChangeRow[],
  options: Pick<ReferralChangeOptions, 'unit' | 'beforeLabel' | 'afterLabel' | 'reference'>,
): string {
  const complete = rows.filter((r) => change(r) !== null);
  const missing = rows.filter((r) => change(r) === null);
  const out = [
    `Arrows from ${options.beforeLabel} to ${options.afterLabel} for ${rows.length} area${rows.length === 1 ? '' : 's'}, in ${options.unit.toLowerCase()}, sorted by change.`,
  ];
  if (complete.length > 0) {
    const byChange = [...complete].sort((a, b) => (change(a) ?? 0) - (change(b) ?? 0));
    const first = byChange[0] as ReferralChangeRow;
    const last = byChange[byChange.length - 1] as ReferralChangeRow;
    const falls = complete.filter((r) => (change(r) ?? 0) < 0).length;
    const rises = complete.filter((r) => (change(r) ?? 0) > 0).length;
    out.push(`${falls} fell and ${rises} rose.`);
    const say = (r: ReferralChangeRow) =>
      `${r.label} (${fmt(r.before)} to ${fmt(r.after)}, ${formatChange(change(r) ?? 0)})`;
    const lowLabel = (change(first) ?? 0) < 0 ? 'Largest fall' : 'Smallest change';
    const highLabel = (change(last) ?? 0) > 0 ? 'Largest rise' : 'Smallest fall';
    out.push(`${lowLabel}: ${say(first)}. ${highLabel}: ${say(last)}.`);
    const highest = complete.reduce((a, b) => ((b.after ?? 0) > (a.after ?? 0) ? b : a));
    const lowest = complete.reduce((a, b) => ((b.after ?? 0) < (a.after ?? 0) ? b : a));
    out.push(
      `Highest ${options.afterLabel} rate: ${highest.label}, ${fmt(highest.after)}; lowest: ${lowest.label}, ${fmt(lowest.after)}.`,
    );
  }
  const ref = options.reference;
  if (ref) {
    const c = change(ref);
    out.push(
      c === null
        ? `${ref.label}: not available.`
        : `${ref.label}: ${fmt(ref.before)} to ${fmt(ref.after)} (${formatChange(c)}), shown as the first row and a dashed line.`,
    );
  }
  if (missing.length > 0)
    out.push(`Missing values, shown as gaps not zero: ${missing.map((r) => r.label).join(', ')}.`);
  return out.join(' ');
}
