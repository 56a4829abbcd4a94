import { line, scaleLinear } from 'd3';
import { formatNumber } from '../lib/format/formatNumber.ts';
import { linearTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { gridlines } from './gridlines.ts';
import { okabeIto } from './okabeIto.ts';
import { hatchPattern, programmeBand } from './programmeBand.ts';
import { round1 } from './round1.ts';
import { symbolMark } from './seriesSymbol.ts';
import { textWidth } from './textWidth.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** One value of a series; null means not available and is drawn as a gap, never as zero. */
export type TrendPoint = { year: number; value: number | null };

/** A named series of yearly values. */
export type TrendSeries = { label: string; values: readonly TrendPoint[] };

/** The series of a trend chart: the authority, England and optionally its region. */
export type TrendLinesData = { authority: TrendSeries; england: TrendSeries; region?: TrendSeries };

/** Options for {@link trendLines}; `id` must be unique on the page. */
export type TrendLinesOptions = {
  id: string;
  title: string;
  /** Unit of the values, e.g. "Referrals per 10,000 children"; written above the value axis. */
  unit: string;
  /** First and last programme year (inclusive), shaded with a hatch and labelled. */
  programmeYears?: readonly [number, number];
  /** Label for the shaded band; default "Programme". */
  programmeLabel?: string;
  /** The natural width in px; default the text column (720), with a phone layout as `narrow`. */
  width?: number;
};

/** Stated defaults for {@link trendLines}: series styles differ by dash and marker, not colour alone. */
export const trendLinesDefaults = {
  programmeLabel: 'Programme',
  width: chartWidths.column,
  plotHeight: 240,
  /** Every text is drawn at this size, so the chart's readable width is width × 11 / 12. */
  fontSize: 12,
  /** Room a year label needs on the time axis, in px. */
  yearGap: 44,
  styles: {
    authority: { colour: okabeIto.blue, dash: '', width: 3, marker: 'circle' },
    england: { colour: 'currentColor', dash: '6 4', width: 2, marker: 'square' },
    region: { colour: okabeIto.orange, dash: '2 3', width: 2, marker: 'triangle' },
  },
} as const;

type Role = keyof typeof trendLinesDefaults.styles;

/**
 * Line chart of an authority's yearly rate against England (and optionally its region), laid out
 * for `width`: the unit is written above the value axis (never rotated, so never cut), years are
 * labelled as often as they fit, and each line is labelled directly at its last value (no legend),
 * its name wrapped when long. Missing values break the line (d3 `line().defined()`), are marked
 * with a d3 "×" symbol under the year and named in a note and the description; they are never
 * drawn as zero. Series differ by dash pattern and d3 symbol as well as colour. An optional
 * programme period is shaded with a hatch. Throws RangeError if a series is empty or a value is
 * non-finite.
 */
export function trendLines(data: TrendLinesData, options: TrendLinesOptions): ChartResult {
  return withPhoneLayout((o) => drawTrendLines(data, o), options);
}

function drawTrendLines(data: TrendLinesData, options: TrendLinesOptions): ChartResult {
  const { id, title, unit, programmeYears } = options;
  const programmeLabel = options.programmeLabel ?? trendLinesDefaults.programmeLabel;
  const width = options.width ?? trendLinesDefaults.width;
  const { plotHeight, styles, fontSize, yearGap } = trendLinesDefaults;
  const series: [Role, TrendSeries][] = [
    ['authority', data.authority],
    ...(data.region ? [['region', data.region] as [Role, TrendSeries]] : []),
    ['england', data.england],
  ];
  for (const [, s] of series) {
    if (s.values.length === 0) throw new RangeError(`trendLines: series "${s.label}" has no values`);
    for (const p of s.values) {
      if (!Number.isFinite(p.year) || (p.value !== null && !Number.isFinite(p.value)))
        throw new RangeError(
          `trendLines: series "${s.label}" has a non-finite value in ${p.year}; use null for missing`,
        );
    }
  }
  const years = [...new Set(series.flatMap(([, s]) => s.values.map((p) => p.year)))].sort((a, b) => a - b);
  const values = series
    .flatMap(([, s]) => s.values.map((p) => p.value))
    .filter((v): v is number => v !== null);
  const firstYear = years[0] as number;
  const lastYear = years[years.length - 1] as number;

  // The axis does not start at zero (a line's slope, not its height, carries the message); the
  // unit label and tick values make the baseline explicit.
  const vMin = values.length ? Math.min(...values) : 0;
  const vMax = values.length ? Math.max(...values) : 1;
  const vPad = Math.max((vMax - vMin) * 0.1, Math.abs(vMax) * 0.02, 1);
  const y = scaleLinear()
    .domain([Math.max(0, vMin - vPad), vMax + vPad])
    .nice();
  const lineHeight = round1(fontSize * 1.2);
  const unitLines = wrapLabel(unit, width - 8, fontSize, 3);
  const top = unitLines.length * lineHeight + 10 + (programmeYears ? lineHeight + 4 : 0);
  y.range([top + plotHeight, top]);
  const yTicks = linearTicks(y, 5);
  const left = Math.ceil(Math.max(...yTicks.map((t) => textWidth(t.label, fontSize)))) + 12;
  // Direct labels at the line ends: long names wrap to two lines rather than squeeze the plot.
  const labelRoom = Math.max(60, width * 0.26);
  const endLines = new Map(series.map(([role, s]) => [role, wrapLabel(s.label, labelRoom, fontSize, 2)]));
  // Bold text (the authority's name) runs up to a fifth wider than textWidth's estimate (DejaVu Sans).
  const labelWidth =
    Math.max(
      ...[...endLines].flatMap(([role, lines]) =>
        lines.map((l) => textWidth(l, fontSize) * (role === 'authority' ? 1.2 : 1)),
      ),
    ) + 24;
  const plotWidth = width - left - labelWidth;
  const x = scaleLinear()
    .domain([firstYear - 0.4, lastYear + 0.4])
    .range([left, left + plotWidth]);
  const missing = series.flatMap(([, s]) =>
    s.values.filter((p) => p.value === null).map((p) => ({ label: s.label, year: p.year })),
  );
  const gapRows = new Map<number, number>();
  const gapDepth = Math.max(0, ...years.map((yr) => missing.filter((m) => m.year === yr).length));
  const noteLines = missing.length
    ? wrapLabel(
        `\u00d7 = no data (gap in line): ${missing.map((m) => `${m.label} ${m.year}`).join(', ')}`,
        width - 8,
        fontSize,
        // As many lines as the list needs: every gap is named.
        missing.length + 1,
      )
    : [];
  const bottom = top + plotHeight;
  const noteTop = bottom + 40 + gapDepth * 14;
  const height = noteTop + noteLines.length * lineHeight;

  const parts: string[] = [`<defs>${hatchPattern(id)}</defs>`];
  unitLines.forEach((line, i) =>
    parts.push(`<text x="4" y="${round1(fontSize + i * lineHeight)}">${escapeXml(line)}</text>`),
  );
  if (programmeYears) {
    const [p0, p1] = programmeYears;
    parts.push(
      programmeBand({
        id,
        x0: x(Math.max(p0 - 0.5, firstYear - 0.4)),
        x1: x(Math.min(p1 + 0.5, lastYear + 0.4)),
        top,
        height: plotHeight,
        label: programmeLabel,
        outline: true,
      }),
    );
  }
  parts.push(gridlines(yTicks, { orient: 'left', from: left, to: left + plotWidth, fontSize }));
  parts.push(`<line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${bottom}" y2="${bottom}"/>`);
  // Label every year when they fit, otherwise every second, third … counting back from the last.
  const every = Math.max(1, Math.ceil(yearGap / (plotWidth / years.length)));
  years.forEach((yr, i) => {
    if ((years.length - 1 - i) % every !== 0) return;
    const px = round1(x(yr));
    parts.push(
      `<line class="axis" x1="${px}" x2="${px}" y1="${bottom}" y2="${bottom + 4}"/><text x="${px}" y="${bottom + 17}" text-anchor="middle">${yr}</text>`,
    );
  });

  const ends: { role: Role; lines: string[]; y: number }[] = [];
  for (const [role, s] of series) {
    const st = styles[role];
    const pts = [...s.values].sort((a, b) => a.year - b.year);
    const path = line<TrendPoint>()
      .defined((p) => p.value !== null)
      .x((p) => x(p.year))
      .y((p) => y(p.value ?? 0))
      .digits(1)(pts);
    parts.push(`<g>`);
    if (path)
      parts.push(
        `<path class="mark" d="${path}" fill="none" stroke="${st.colour}" stroke-width="${st.width}"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''} stroke-linejoin="round"/>`,
      );
    for (const p of pts) {
      if (p.value === null) {
        // A faint dotted rule through the plot and a "×" below the year label mark the gap; placing
        // the × outside the plot keeps it from reading as a value near the baseline.
        const px = x(p.year);
        const depth = gapRows.get(p.year) ?? 0;
        gapRows.set(p.year, depth + 1);
        if (depth === 0)
          parts.push(
            `<line class="rule" x1="${round1(px)}" x2="${round1(px)}" y1="${top}" y2="${bottom}" stroke-dasharray="1 3" stroke-opacity="0.6"/>`,
          );
        parts.push(
          symbolMark(
            'times',
            px,
            bottom + 28 + depth * 14,
            ` class="mark" fill="none" stroke="${st.colour}" stroke-width="2"`,
            `<title>${escapeXml(s.label)} ${p.year}: no data</title>`,
          ),
        );
        continue;
      }
      parts.push(
        symbolMark(
          st.marker,
          x(p.year),
          y(p.value),
          ` class="mark fill" fill="${st.colour}" stroke="${role === 'authority' ? '#fff' : st.colour}" stroke-width="1"`,
          `<title>${escapeXml(s.label)} ${p.year}: ${formatNumber(p.value, 1)}</title>`,
        ),
      );
    }
    parts.push(`</g>`);
    const last = [...pts].reverse().find((p) => p.value !== null);
    if (last && last.value !== null)
      ends.push({ role, lines: endLines.get(role) ?? [s.label], y: y(last.value) });
  }
  // Direct labels at line ends, nudged apart (by their height in lines) so they never overlap.
  ends.sort((a, b) => a.y - b.y);
  const gapAfter = (e: (typeof ends)[number]) => e.lines.length * lineHeight + 3;
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1] as (typeof ends)[number];
    const cur = ends[i] as (typeof ends)[number];
    const need = (gapAfter(prev) + gapAfter(cur)) / 2;
    if (cur.y - prev.y < need) cur.y = prev.y + need;
  }
  const lx = left + plotWidth + 8;
  for (const e of ends) {
    const st = styles[e.role];
    parts.push(
      symbolMark(st.marker, lx + 5, e.y, ` class="mark fill" fill="${st.colour}"`),
      wrappedText(e.lines, lx + 14, e.y, fontSize, e.role === 'authority' ? ' font-weight="700"' : ''),
    );
  }
  noteLines.forEach((l, i) =>
    parts.push(
      `<text x="4" y="${round1(noteTop + i * lineHeight)}" font-style="italic">${escapeXml(l)}</text>`,
    ),
  );

  const tableSeries = series.map(([, s]) => s);
  return chartFrame({
    id,
    width,
    height,
    title,
    desc: trendDescription(data, options),
    body: `<g font-size="${fontSize}">${parts.join('')}</g>`,
    table: {
      caption: `${title} (${unit})`,
      columns: [
        { label: 'Year', numeric: false },
        ...tableSeries.map((s) => ({ label: s.label, numeric: true })),
      ],
      rows: years.map((yr) => [
        String(yr),
        ...tableSeries.map((s) => {
          const v = s.values.find((p) => p.year === yr)?.value;
          return v === null || v === undefined ? 'no data' : formatNumber(v, 1);
        }),
      ]),
    },
  });
}

function direction(s: TrendSeries): string {
  const known = [...s.values]
    .sort((a, b) => a.year - b.year)
    .filter((p): p is { year: number; value: number } => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last || first === last) return `${s.label}: too few values to show a direction`;
  const verb = last.value > first.value ? 'rose' : last.value < first.value ? 'fell' : 'was unchanged';
  return `${s.label} ${verb} from ${formatNumber(first.value, 1)} in ${first.year} to ${formatNumber(last.value, 1)} in ${last.year}`;
}

/**
 * The `<desc>` of a trend chart, generated from the data: the years covered, each series'
 * direction from first to last known value, the authority's highest and lowest years, and every
 * missing value.
 */
export function trendDescription(
  data: TrendLinesData,
  options: Pick<TrendLinesOptions, 'unit' | 'programmeYears' | 'programmeLabel'>,
): string {
  const all = [data.authority, ...(data.region ? [data.region] : []), data.england];
  const years = all.flatMap((s) => s.values.map((p) => p.year));
  const out = [
    `Line chart of ${options.unit.toLowerCase()} from ${Math.min(...years)} to ${Math.max(...years)}: ${all.map((s) => s.label).join(', ')}.`,
  ];
  out.push(`${all.map(direction).join('; ')}.`);
  const known = data.authority.values.filter((p): p is { year: number; value: number } => p.value !== null);
  if (known.length > 0) {
    const hi = known.reduce((a, b) => (b.value > a.value ? b : a));
    const lo = known.reduce((a, b) => (b.value < a.value ? b : a));
    out.push(
      `${data.authority.label} was highest in ${hi.year} (${formatNumber(hi.value, 1)}) and lowest in ${lo.year} (${formatNumber(lo.value, 1)}).`,
    );
  }
  if (options.programmeYears)
    out.push(
      `${options.programmeLabel ?? trendLinesDefaults.programmeLabel} years ${options.programmeYears[0]} to ${options.programmeYears[1]} are shaded.`,
    );
  const missing = all.flatMap((s) =>
    s.values.filter((p) => p.value === null).map((p) => `${s.label} ${p.year}`),
  );
  if (missing.length) out.push(`No data (shown as a gap, not zero): ${missing.join(', ')}.`);
  return out.join(' ');
}
