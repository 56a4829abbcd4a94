import { line, scaleLinear } from 'd3';
import { formatNumber } from '../lib/format/formatNumber.ts';
import { linearTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import type { ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { round1 } from './round1.ts';
import type { TrendPoint, TrendSeries } from './trendLines.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** One small panel per series, all on the same scales, with an optional reference in each. */
export type SmallMultiplesData = { panels: readonly TrendSeries[]; reference?: TrendSeries };

/** Options for {@link smallMultiples}; `id` must be unique on the page. */
export type SmallMultiplesOptions = {
  id: string;
  title: string;
  /** Unit of the values, e.g. "Section 47 enquiries per 10,000 children". */
  unit: string;
  programmeYears?: readonly [number, number];
  /** Panels per row; default 3, which keeps text legible when the chart is scaled to 320 px. */
  columns?: number;
};

/** Stated defaults for {@link smallMultiples}. */
export const smallMultiplesDefaults = {
  columns: 3,
  panelWidth: 128,
  panelHeight: 64,
  gapX: 16,
  gapY: 54,
} as const;

/**
 * Small multiples: one line per panel on a shared x (years) and y (zero-based) scale, so panels can
 * be compared by height as well as shape. Each panel repeats the reference (England) as a dashed
 * line, shades the programme years, and breaks the line at missing values (marked × under the
 * panel), never drawing them as zero. Throws RangeError for no panels or a non-finite value.
 */
export function smallMultiples(data: SmallMultiplesData, options: SmallMultiplesOptions): ChartResult {
  const { id, title, unit, programmeYears } = options;
  const { panelWidth, panelHeight, gapX, gapY } = smallMultiplesDefaults;
  const columns = options.columns ?? smallMultiplesDefaults.columns;
  if (data.panels.length === 0) throw new RangeError('smallMultiples: no panels');
  const all = [...data.panels, ...(data.reference ? [data.reference] : [])];
  for (const s of all)
    for (const p of s.values)
      if (p.value !== null && !Number.isFinite(p.value))
        throw new RangeError(
          `smallMultiples: "${s.label}" has a non-finite value in ${p.year}; use null for missing`,
        );
  const years = [...new Set(all.flatMap((s) => s.values.map((p) => p.year)))].sort((a, b) => a - b);
  const first = years[0] as number;
  const last = years[years.length - 1] as number;
  const vMax = Math.max(1, ...all.flatMap((s) => s.values.map((p) => p.value ?? 0)));
  const left = 44;
  const top = 40;
  const x = scaleLinear().domain([first, last]).range([0, panelWidth]);
  const y = scaleLinear().domain([0, vMax]).nice(3).range([panelHeight, 0]);
  const ticks = linearTicks(y, 3);
  const rows = Math.ceil(data.panels.length / columns);
  const width = left + columns * panelWidth + (columns - 1) * gapX + 8;
  const height = top + rows * (panelHeight + gapY) + 4;
  const pathOf = (values: readonly TrendPoint[]) =>
    line<TrendPoint>()
      .defined((p) => p.value !== null)
      .x((p) => x(p.year))
      .y((p) => y(p.value ?? 0))
      .digits(1)([...values].sort((a, b) => a.year - b.year)) ?? '';

  const parts: string[] = [
    `<defs><pattern id="${id}-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="5" stroke="#999" stroke-width="1.2"/></pattern></defs>`,
  ];
  // Key: line styles named in words, so colour is not needed to tell them apart.
  parts.push(
    `<g font-size="12"><line class="mark" x1="${left}" x2="${left + 24}" y1="12" y2="12" stroke="${okabeIto.blue}" stroke-width="2.5"/><text x="${left + 30}" y="16">Authority</text>`,
    data.reference
      ? `<line class="mark" x1="${left + 110}" x2="${left + 134}" y1="12" y2="12" stroke="currentColor" stroke-width="1.5" stroke-dasharray="4 3"/><text x="${left + 140}" y="16">${escapeXml(data.reference.label)}</text>`
      : '',
    programmeYears
      ? `<rect class="shade" x="${left + 220}" y="5" width="16" height="14" fill="url(#${id}-hatch)" stroke="currentColor" stroke-opacity="0.4"/><text x="${left + 242}" y="16">Programme years</text>`
      : '',
    `</g>`,
  );
  data.panels.forEach((s, i) => {
    const px = left + (i % columns) * (panelWidth + gapX);
    const py = top + Math.floor(i / columns) * (panelHeight + gapY) + 26;
    parts.push(`<g transform="translate(${round1(px)} ${round1(py)})">`);
    // Long names ("Kingston upon Hull, City of") wrap to two lines rather than run into the next panel.
    const lines = wrapLabel(s.label, panelWidth, 12, 2);
    parts.push(wrappedText(lines, 0, lines.length > 1 ? -17 : -10, 12, ' font-weight="600"'));
    if (programmeYears) {
      const sx = round1(x(Math.max(first, programmeYears[0] - 0.5)));
      const ex = round1(x(Math.min(last, programmeYears[1] + 0.5)));
      parts.push(
        `<rect class="shade" x="${sx}" y="0" width="${round1(ex - sx)}" height="${panelHeight}" fill="url(#${id}-hatch)" fill-opacity="0.5"/>`,
      );
    }
    for (const t of ticks)
      parts.push(
        `<line class="axis" x1="0" x2="${panelWidth}" y1="${t.position}" y2="${t.position}" stroke-opacity="${t.value === 0 ? 1 : 0.15}"/>`,
      );
    if (i % columns === 0)
      for (const t of ticks)
        parts.push(
          `<text x="-4" y="${round1(t.position + 4)}" text-anchor="end" font-size="11">${t.label}</text>`,
        );
    parts.push(
      `<text x="0" y="${panelHeight + 13}" font-size="11">${first}</text><text x="${panelWidth}" y="${panelHeight + 13}" text-anchor="end" font-size="11">${last}</text>`,
    );
    if (data.reference)
      parts.push(
        `<path class="mark" d="${pathOf(data.reference.values)}" fill="none" stroke="currentColor" stroke-width="1.2" stroke-dasharray="4 3" stroke-opacity="0.8"/>`,
      );
    parts.push(
      `<path class="mark" d="${pathOf(s.values)}" fill="none" stroke="${okabeIto.blue}" stroke-width="2.2" stroke-linejoin="round"><title>${escapeXml(s.label)}</title></path>`,
    );
    for (const p of s.values.filter((p) => p.value === null))
      parts.push(
        `<path class="mark" d="M${round1(x(p.year) - 3)},${panelHeight + 17}l6,6m0,-6l-6,6" stroke="${okabeIto.vermillion}" stroke-width="1.5"><title>${escapeXml(s.label)} ${p.year}: no data</title></path>`,
      );
    parts.push(`</g>`);
  });
  parts.push(
    `<text transform="translate(12 ${round1(top + (rows * (panelHeight + gapY)) / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeXml(unit)}</text>`,
  );

  const tableSeries = [...data.panels, ...(data.reference ? [data.reference] : [])];
  return chartFrame({
    id,
    width,
    height,
    title,
    desc: smallMultiplesDescription(data, options),
    body: parts.join(''),
    table: {
      caption: `${title} (${unit})`,
      columns: [
        { label: 'Local authority', numeric: false },
        ...years.map((yr) => ({ label: String(yr), numeric: true })),
      ],
      rows: tableSeries.map((s) => [
        s.label,
        ...years.map((yr) => {
          const v = s.values.find((p) => p.year === yr)?.value;
          return v === null || v === undefined ? 'no data' : formatNumber(v, 0);
        }),
      ]),
    },
  });
}

/**
 * The `<desc>` of small multiples, from the data: how many panels, the highest and lowest single
 * values, how many rose and fell from their first to their last known year, and every gap.
 */
export function smallMultiplesDescription(
  data: SmallMultiplesData,
  options: Pick<SmallMultiplesOptions, 'unit' | 'programmeYears'>,
): string {
  const points = data.panels.flatMap((s) =>
    s.values
      .filter((p) => p.value !== null)
      .map((p) => ({ label: s.label, year: p.year, value: p.value as number })),
  );
  const years = data.panels.flatMap((s) => s.values.map((p) => p.year));
  const out = [
    `${data.panels.length} small line charts of ${options.unit.toLowerCase()}, ${Math.min(...years)} to ${Math.max(...years)}, on the same scale${data.reference ? `, each with ${data.reference.label} as a dashed line` : ''}.`,
  ];
  if (points.length) {
    const hi = points.reduce((a, b) => (b.value > a.value ? b : a));
    const lo = points.reduce((a, b) => (b.value < a.value ? b : a));
    out.push(
      `Highest: ${hi.label} in ${hi.year} (${formatNumber(hi.value, 1)}). Lowest: ${lo.label} in ${lo.year} (${formatNumber(lo.value, 1)}).`,
    );
  }
  let rose = 0;
  let fell = 0;
  for (const s of data.panels) {
    const known = [...s.values].sort((a, b) => a.year - b.year).filter((p) => p.value !== null);
    const a = known[0]?.value;
    const b = known[known.length - 1]?.value;
    if (known.length > 1 && a !== null && b !== null && a !== undefined && b !== undefined) {
      if (b > a) rose++;
      else if (b < a) fell++;
    }
  }
  out.push(`From first to last year, ${rose} rose and ${fell} fell.`);
  if (options.programmeYears)
    out.push(`Programme years ${options.programmeYears[0]} to ${options.programmeYears[1]} are shaded.`);
  const missing = data.panels.flatMap((s) =>
    s.values.filter((p) => p.value === null).map((p) => `${s.label} ${p.year}`),
  );
  if (missing.length) out.push(`No data (a gap, not zero): ${missing.join(', ')}.`);
  return out.join(' ');
}
