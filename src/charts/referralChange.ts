import { scaleLinear } from 'd3';
import { formatChange, formatNumber } from '../lib/format/formatNumber.ts';
import { linearTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { gridlines } from './gridlines.ts';
import { legend } from './legend.ts';
import { okabeIto } from './okabeIto.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { round1 } from './round1.ts';
import { symbolMark } from './seriesSymbol.ts';
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
  /** The natural width in px; default the text column (720), with a phone layout as `narrow`. */
  width?: number;
};

/**
 * Stated defaults for {@link referralChange}: names at `fontSize`, all other text at 12 px; below
 * `stackBelow` px each row's name and values stand above its arrow, which then has the full width.
 */
export const referralChangeDefaults = {
  width: chartWidths.column,
  rowHeight: 32,
  fontSize: 13,
  stackBelow: 480,
  /** The before marker: a hollow d3 circle of radius 5. */
  circleArea: Math.PI * 25,
} as const;

const change = (r: ReferralChangeRow): number | null =>
  r.before === null || r.after === null ? null : r.after - r.before;
const fmt = (v: number | null) => (v === null ? 'no data' : formatNumber(v, 1));
const small = 12;

/** The hollow circle at a before value. */
const beforeMark = (x: number, y: number, colour: string) =>
  symbolMark(
    'circle',
    x,
    y,
    ` class="mark hollow" fill="#fff" stroke="${colour}" stroke-width="2"`,
    '',
    referralChangeDefaults.circleArea,
  );
/** A filled arrowhead whose tip is at (tip, y), pointing right (dir 1) or left (-1). */
const arrowhead = (tip: number, y: number, colour: string, dir = 1) =>
  `<path class="mark fill" d="M${round1(tip - dir * 9)},${round1(y - 6)}L${round1(tip)},${round1(y)}L${round1(tip - dir * 9)},${round1(y + 6)}Z" fill="${colour}" stroke="${colour}" stroke-linejoin="round"/>`;

/**
 * Dumbbell/arrow chart of each authority's rate before and after: a hollow circle at the before
 * value, an arrow to a filled arrowhead at the after value, laid out for the text column (names |
 * arrows | values) and again for a phone (each row's name and values above its arrow). Falls are
 * blue and rises vermillion, but direction is also carried by the arrow and the signed change
 * printed on each row. Rows are sorted by change (largest fall first); rows with a missing value
 * come last with a "no data" note.
 */
export function referralChange(
  rows: readonly ReferralChangeRow[],
  options: ReferralChangeOptions,
): ChartResult {
  return withPhoneLayout((o) => drawReferralChange(rows, o), options);
}

function drawReferralChange(rows: readonly ReferralChangeRow[], options: ReferralChangeOptions): ChartResult {
  const { id, title, unit, beforeLabel, afterLabel, reference } = options;
  const { fontSize, stackBelow } = referralChangeDefaults;
  const width = options.width ?? referralChangeDefaults.width;
  const stacked = width < stackBelow;
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
  const valueWidth = Math.max(...all.map((r) => textWidth(valueText(r), small))) + 8;
  const lineHeight = round1(fontSize * 1.1);

  // Wide: name | arrow | values on one row. Stacked: the name (with the values beside it when
  // both fit, else under it) above an arrow across the whole width.
  const stackedRoom = width - valueWidth - 12;
  const valuesBeside = !stacked || stackedRoom >= 100;
  const labelRoom = stacked ? (valuesBeside ? stackedRoom : width - 8) : 150;
  const labelLines = new Map(all.map((r) => [r, wrapLabel(r.label, labelRoom, fontSize)]));
  const linesOf = (r: ReferralChangeRow) => labelLines.get(r) ?? [r.label];
  const labelWidth = stacked
    ? 0
    : Math.max(80, ...all.flatMap((r) => linesOf(r).map((l) => textWidth(l, fontSize) * 1.2))) + 12;
  const left = stacked ? 8 : round1(labelWidth);
  const right = stacked ? width - 8 : width - Math.max(valueWidth, 72) - 12;

  const parts: string[] = [];
  // Key: the shapes, not the colours, say which end is which.
  const key = legend(
    [
      { swatch: { type: 'mark', draw: (cx, cy) => beforeMark(cx, cy, 'currentColor') }, label: beforeLabel },
      {
        swatch: { type: 'mark', draw: (cx, cy) => arrowhead(cx + 5, cy, 'currentColor') },
        label: afterLabel,
      },
    ],
    { x: stacked ? 0 : left, y: 2, width: stacked ? width : right - left, fontSize: small },
  );
  parts.push(key.svg);
  const refLabel = reference ? `${reference.label} ${afterLabel}` : '';
  const top = round1(key.height + 12 + (reference ? small + 10 : 0));
  if (!stacked)
    parts.push(
      `<text x="${round1(width - 4)}" y="${round1(top - 6)}" text-anchor="end" font-size="${small}" font-weight="600">Change</text>`,
    );
  // Each row's top, its arrow's y and the baseline of its values.
  const layout: { r: ReferralChangeRow; top: number; height: number; arrowY: number; valueY: number }[] = [];
  let y = top;
  for (const r of all) {
    const n = linesOf(r).length;
    if (stacked) {
      const textRows = n + (valuesBeside ? 0 : 1);
      const height = textRows * lineHeight + 26;
      layout.push({
        r,
        top: y,
        height,
        arrowY: y + textRows * lineHeight + 10,
        // Beside the name's first line, or on a line of its own under the name.
        valueY: valuesBeside
          ? y + lineHeight / 2 + fontSize * 0.32
          : y + (n + 0.5) * lineHeight + small * 0.32,
      });
      y += height;
    } else {
      const height = Math.max(referralChangeDefaults.rowHeight, n * lineHeight + 10);
      layout.push({ r, top: y, height, arrowY: y + height / 2, valueY: y + height / 2 + small * 0.36 });
      y += height;
    }
  }
  const axisY = round1(y + 6);
  // Positions, not lengths, carry the values, so the axis need not start at zero; padding keeps
  // end markers off the frame.
  const pad = Math.max((maxValue - minValue) * 0.05, Math.abs(maxValue) * 0.01, 1);
  const x = scaleLinear()
    .domain([minValue - pad, maxValue + pad])
    .nice()
    .range([left, right]);
  const ticks = linearTicks(x, stacked ? 3 : 5);
  parts.push(gridlines(ticks, { orient: 'bottom', from: round1(top - 4), to: axisY, fontSize: small }));
  if (reference && reference.after !== null) {
    const rx = round1(x(reference.after));
    const half = textWidth(refLabel, small) / 2;
    parts.push(
      `<line class="rule" x1="${rx}" x2="${rx}" y1="${top - 4}" y2="${axisY}" stroke-dasharray="4 3" stroke-width="1"/>`,
      `<text x="${round1(Math.min(Math.max(rx, half + 2), width - half - 2))}" y="${round1(top - 8)}" text-anchor="middle" font-size="${small}" font-style="italic">${escapeXml(refLabel)}</text>`,
    );
  }

  layout.forEach(({ r, top: rowTop, arrowY, valueY }, i) => {
    const isRef = reference !== undefined && i === 0;
    const cy = round1(arrowY);
    const c = change(r);
    const colour = isRef ? 'currentColor' : c !== null && c > 0 ? okabeIto.vermillion : okabeIto.blue;
    const weight = isRef ? ' font-weight="700"' : '';
    const lines = linesOf(r);
    const labelCy = stacked ? rowTop + (lines.length * lineHeight) / 2 : arrowY;
    parts.push(`<g>`, wrappedText(lines, 4, labelCy, fontSize, weight));
    if (r.before !== null && r.after !== null) {
      const bx = round1(x(r.before));
      const ax = round1(x(r.after));
      const dir = Math.sign(ax - bx);
      // Arrowhead tip sits on the after value; shaft stops at its base so it stays sharp. When the
      // change is too small to fit a head, the head starts at the circle's edge so the direction
      // stays legible (the exact values are printed on the row).
      const short = Math.abs(ax - bx) < 15;
      const tip = round1(short ? bx + dir * 14 : ax);
      if (!short)
        parts.push(
          `<line class="mark" x1="${bx}" x2="${round1(ax - dir * 9)}" y1="${cy}" y2="${cy}" stroke="${colour}" stroke-width="2.5"/>`,
        );
      parts.push(beforeMark(bx, cy, colour));
      parts.push(
        dir === 0
          ? `<path class="mark fill" d="M${round1(ax - 4)},${round1(cy - 13)}L${round1(ax + 4)},${round1(cy - 13)}L${ax},${round1(cy - 6)}Z" fill="${colour}" stroke="${colour}" stroke-linejoin="round"/>`
          : arrowhead(tip, cy, colour, dir),
      );
    } else if (r.before !== null) {
      parts.push(beforeMark(x(r.before), cy, 'currentColor'));
    } else if (r.after !== null) {
      parts.push(arrowhead(x(r.after), cy, 'currentColor'));
    }
    const italic = c === null ? ' font-style="italic"' : '';
    parts.push(
      `<text x="${round1(width - 4)}" y="${round1(valueY)}" text-anchor="end" font-size="${small}" font-variant-numeric="tabular-nums"${weight}${italic}>${escapeXml(valueText(r))}</text>`,
      `</g>`,
    );
  });

  parts.push(`<line class="axis" x1="${left}" x2="${right}" y1="${axisY}" y2="${axisY}"/>`);
  const unitLines = wrapLabel(unit, width - 8, small, 2);
  parts.push(
    wrappedText(
      unitLines,
      stacked ? 4 : round1((left + right) / 2),
      axisY + 30 + ((unitLines.length - 1) * small * 1.1) / 2,
      small,
      stacked ? '' : ' text-anchor="middle"',
    ),
  );
  const height = round1(axisY + 34 + unitLines.length * small * 1.1);

  const desc = referralChangeDescription(sorted, options);
  const body = parts.join('');
  const table = {
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
  };
  return chartFrame({ id, width, height, title, desc, body, table });
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
