import { line, scaleLinear } from 'd3';
import { formatNumber } from '../lib/format/formatNumber.ts';
import { linearTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import type { ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import { textWidth } from './textWidth.ts';

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
  /** Unit of the values, e.g. "Referrals per 10,000 children". */
  unit: string;
  /** First and last programme year (inclusive), shaded with a hatch and labelled. */
  programmeYears?: readonly [number, number];
  /** Label for the shaded band; default "Programme". */
  programmeLabel?: string;
};

/** Stated defaults for {@link trendLines}: series styles differ by dash and marker, not colour alone. */
export const trendLinesDefaults = {
  programmeLabel: 'Programme',
  plotWidth: 360,
  plotHeight: 220,
  styles: {
    authority: { colour: okabeIto.blue, dash: '', width: 3, marker: 'circle' },
    england: { colour: 'currentColor', dash: '6 4', width: 2, marker: 'square' },
    region: { colour: okabeIto.orange, dash: '2 3', width: 2, marker: 'triangle' },
  },
} as const;

type Role = keyof typeof trendLinesDefaults.styles;

function markerPath(shape: 'circle' | 'square' | 'triangle', x: number, y: number): string {
  const [cx, cy] = [round1(x), round1(y)];
  if (shape === 'square') return `M${round1(x - 4)},${round1(y - 4)}h8v8h-8Z`;
  if (shape === 'triangle')
    return `M${cx},${round1(y - 5)}L${round1(x + 5)},${round1(y + 4)}L${round1(x - 5)},${round1(y + 4)}Z`;
  return `M${round1(x - 4.5)},${cy}a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0`;
}

/**
 * Line chart of an authority's yearly rate against England (and optionally its region). Missing
 * values break the line (d3 `line().defined()`), are marked with a "×" on the axis and are named in
 * the description; they are never drawn as zero. Lines are labelled directly at their last value,
 * and differ by dash pattern and marker shape as well as colour. An optional programme period is
 * shaded with a hatch. Throws RangeError if a series is empty or a value is non-finite.
 */
export function trendLines(data: TrendLinesData, options: TrendLinesOptions): ChartResult {
  const { id, title, unit, programmeYears } = options;
  const programmeLabel = options.programmeLabel ?? trendLinesDefaults.programmeLabel;
  const { plotWidth, plotHeight, styles } = trendLinesDefaults;
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

  const left = 56;
  const top = 28;
  const labelWidth = Math.max(...series.map(([, s]) => textWidth(s.label, 12))) + 40;
  const x = scaleLinear()
    .domain([firstYear - 0.4, lastYear + 0.4])
    .range([left, left + plotWidth]);
  // The axis does not start at zero (a line's slope, not its height, carries the message); the
  // unit label and tick values make the baseline explicit.
  const vMin = values.length ? Math.min(...values) : 0;
  const vMax = values.length ? Math.max(...values) : 1;
  const vPad = Math.max((vMax - vMin) * 0.1, Math.abs(vMax) * 0.02, 1);
  const y = scaleLinear()
    .domain([Math.max(0, vMin - vPad), vMax + vPad])
    .nice()
    .range([top + plotHeight, top]);
  const width = left + plotWidth + labelWidth;
  const missing = series.flatMap(([, s]) =>
    s.values.filter((p) => p.value === null).map((p) => ({ label: s.label, year: p.year })),
  );
  const gapRows = new Map<number, number>();
  const noteLines = missing.length ? 1 : 0;
  const gapDepth = Math.max(0, ...years.map((yr) => missing.filter((m) => m.year === yr).length));
  const height = top + plotHeight + 40 + gapDepth * 14 + noteLines * 18;
  const bottom = top + plotHeight;

  const parts: string[] = [];
  parts.push(
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="1.5"/></pattern></defs>`,
  );
  if (programmeYears) {
    const [p0, p1] = programmeYears;
    const sx = round1(x(Math.max(p0 - 0.5, firstYear - 0.4)));
    const ex = round1(x(Math.min(p1 + 0.5, lastYear + 0.4)));
    parts.push(
      `<rect class="shade" x="${sx}" y="${top}" width="${round1(ex - sx)}" height="${plotHeight}" fill="url(#${id}-hatch)" fill-opacity="0.35" stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="3 3"/>`,
    );
    parts.push(
      `<text x="${round1((sx + ex) / 2)}" y="${top - 8}" text-anchor="middle" font-size="12" font-style="italic">${escapeXml(programmeLabel)}</text>`,
    );
  }
  const yTicks = linearTicks(y, 5);
  for (const t of yTicks) {
    parts.push(
      `<line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${t.position}" y2="${t.position}" stroke-opacity="0.15"/><text x="${left - 6}" y="${round1(t.position + 4)}" text-anchor="end" font-size="11">${t.label}</text>`,
    );
  }
  parts.push(`<line class="axis" x1="${left}" x2="${left + plotWidth}" y1="${bottom}" y2="${bottom}"/>`);
  // Label every year when they fit (about 40px each), otherwise every other one.
  const everyYear = plotWidth / years.length >= 40 ? 1 : 2;
  years.forEach((yr, i) => {
    if (i % everyYear !== 0) return;
    const px = round1(x(yr));
    parts.push(
      `<line class="axis" x1="${px}" x2="${px}" y1="${bottom}" y2="${bottom + 4}"/><text x="${px}" y="${bottom + 17}" text-anchor="middle" font-size="11">${yr}</text>`,
    );
  });
  parts.push(
    `<text transform="translate(14 ${round1(top + plotHeight / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(unit)}</text>`,
  );

  const ends: { role: Role; label: string; y: number }[] = [];
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
        const gy = bottom + 24 + depth * 14;
        if (depth === 0)
          parts.push(
            `<line class="rule" x1="${round1(px)}" x2="${round1(px)}" y1="${top}" y2="${bottom}" stroke-dasharray="1 3" stroke-opacity="0.6"/>`,
          );
        parts.push(
          `<path class="mark" d="M${round1(px - 4)},${round1(gy)}l8,8m0,-8l-8,8" stroke="${st.colour}" stroke-width="2"><title>${escapeXml(s.label)} ${p.year}: no data</title></path>`,
        );
        continue;
      }
      parts.push(
        `<path class="mark fill" d="${markerPath(st.marker, x(p.year), y(p.value))}" fill="${st.colour}" stroke="${role === 'authority' ? '#fff' : st.colour}" stroke-width="1"><title>${escapeXml(s.label)} ${p.year}: ${formatNumber(p.value, 1)}</title></path>`,
      );
    }
    parts.push(`</g>`);
    const last = [...pts].reverse().find((p) => p.value !== null);
    if (last && last.value !== null) ends.push({ role, label: s.label, y: y(last.value) });
  }
  // Direct labels at line ends, nudged apart so they never overlap.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1] as (typeof ends)[number];
    const cur = ends[i] as (typeof ends)[number];
    if (cur.y - prev.y < 15) cur.y = prev.y + 15;
  }
  const lx = left + plotWidth + 8;
  for (const e of ends) {
    const st = styles[e.role];
    parts.push(
      `<path class="mark fill" d="${markerPath(st.marker, lx + 5, e.y)}" fill="${st.colour}"/><text x="${lx + 14}" y="${round1(e.y + 4)}" font-size="12"${e.role === 'authority' ? ' font-weight="700"' : ''}>${escapeXml(e.label)}</text>`,
    );
  }
  if (missing.length) {
    parts.push(
      `<text x="${left}" y="${bottom + 44 + gapDepth * 14}" font-size="11" font-style="italic">\u00d7 = no data (gap in line): ${escapeXml(missing.map((m) => `${m.label} ${m.year}`).join(', '))}</text>`,
    );
  }

  const tableSeries = series.map(([, s]) => s);
  return chartFrame({
    id,
    width,
    height,
    title,
    desc: trendDescription(data, options),
    body: parts.join(''),
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
