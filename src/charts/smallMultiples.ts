import { line, scaleLinear } from 'd3';
import { formatNumber } from '../lib/format/formatNumber.ts';
import { linearTicks } from './axis.ts';
import { chartFrame } from './chartFrame.ts';
import type { ChartResult } from './chartTypes.ts';
import { chartWidths } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { gridlines } from './gridlines.ts';
import { legend, type LegendItem } from './legend.ts';
import { okabeIto } from './okabeIto.ts';
import { withPhoneLayout } from './phoneLayout.ts';
import { hatchPattern, programmeBand } from './programmeBand.ts';
import { round1 } from './round1.ts';
import { symbolMark } from './seriesSymbol.ts';
import { textWidth } from './textWidth.ts';
import type { TrendPoint, TrendSeries } from './trendLines.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** One small panel per series, all on the same scales, with an optional reference in each. */
export type SmallMultiplesData = { panels: readonly TrendSeries[]; reference?: TrendSeries };

/** Options for {@link smallMultiples}; `id` must be unique on the page. */
export type SmallMultiplesOptions = {
  id: string;
  title: string;
  /** Unit of the values, e.g. "Section 47 enquiries per 10,000 children"; written above the panels. */
  unit: string;
  programmeYears?: readonly [number, number];
  /** Panels per row; default 4 in the text column and 2 on a phone. */
  columns?: number;
  /** The natural width in px; default the text column (720), with a phone layout as `narrow`. */
  width?: number;
};

/** Stated defaults for {@link smallMultiples}: every text is drawn at `fontSize`. */
export const smallMultiplesDefaults = {
  width: chartWidths.column,
  /** Panels per row at widths of 480 px and more, and below. */
  columns: { wide: 4, narrow: 2 },
  panelHeight: 64,
  gapX: 16,
  fontSize: 12,
  referenceStyle: { stroke: 'currentColor', strokeWidth: 1.2, dash: '4 3' },
  panelStyle: { stroke: okabeIto.blue, strokeWidth: 2.2 },
} as const;

/**
 * Small multiples: one line per panel on a shared x (years) and y (zero-based) scale, so panels can
 * be compared by height as well as shape, laid out for the text column and again for a phone.
 * Each panel is named above it; each repeats the reference (England) as a dashed line, labelled
 * directly in the first panel; the programme years are shaded (the shared programme band, keyed
 * in a legend with the "×" that marks a missing value under its year); lines break at missing
 * values, never drawn as zero. Throws RangeError for no panels or a non-finite value.
 */
export function smallMultiples(data: SmallMultiplesData, options: SmallMultiplesOptions): ChartResult {
  return withPhoneLayout((o) => drawSmallMultiples(data, o), options);
}

function drawSmallMultiples(data: SmallMultiplesData, options: SmallMultiplesOptions): ChartResult {
  const { id, title, unit, programmeYears } = options;
  const { panelHeight, gapX, fontSize, referenceStyle, panelStyle } = smallMultiplesDefaults;
  const width = options.width ?? smallMultiplesDefaults.width;
  const columns = options.columns ?? smallMultiplesDefaults.columns[width >= 480 ? 'wide' : 'narrow'];
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
  const y = scaleLinear().domain([0, vMax]).nice(3).range([panelHeight, 0]);
  const ticks = linearTicks(y, 3);
  const lineHeight = round1(fontSize * 1.2);
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(t.label, fontSize)))) + 10;
  const panelWidth = round1((width - left - 4 - (columns - 1) * gapX) / columns);
  const x = scaleLinear().domain([first, last]).range([0, panelWidth]);
  const missing = data.panels.some((s) => s.values.some((p) => p.value === null));

  const parts: string[] = [`<defs>${hatchPattern(id)}</defs>`];
  const unitLines = wrapLabel(unit, width - 8, fontSize, 3);
  unitLines.forEach((l, i) =>
    parts.push(`<text x="2" y="${round1(fontSize + i * lineHeight)}">${escapeXml(l)}</text>`),
  );
  let top = unitLines.length * lineHeight + 8;
  const key: LegendItem[] = [
    ...(programmeYears
      ? [
          {
            swatch: { type: 'area', fill: '#ffffff', pattern: `${id}-hatch`, stroke: 'currentColor' },
            label: 'Programme years',
          } as const,
        ]
      : []),
    ...(missing ? [{ swatch: missingSwatch, label: 'No data (a gap in the line)' }] : []),
  ];
  if (key.length) {
    const drawn = legend(key, { x: 0, y: top, width, fontSize });
    parts.push(drawn.svg);
    top += drawn.height + 8;
  }

  // Names are bold (a fifth wider than textWidth's estimate), wrapped to the panel's width.
  const titles = data.panels.map((s) => wrapLabel(s.label, panelWidth / 1.2, fontSize, 3));
  const rowCount = Math.ceil(data.panels.length / columns);
  const rowTops: number[] = [];
  for (let r = 0; r < rowCount; r++) {
    const lines = Math.max(...titles.slice(r * columns, (r + 1) * columns).map((t) => t.length));
    rowTops.push(top + lines * lineHeight + 4);
    top += lines * lineHeight + 4 + panelHeight + (missing ? 34 : 24) + 12;
  }
  const height = top - 12;
  const pathOf = (values: readonly TrendPoint[]) =>
    line<TrendPoint>()
      .defined((p) => p.value !== null)
      .x((p) => x(p.year))
      .y((p) => y(p.value ?? 0))
      .digits(1)([...values].sort((a, b) => a.year - b.year)) ?? '';
  const lastOf = (values: readonly TrendPoint[]) =>
    [...values].sort((a, b) => b.year - a.year).find((p) => p.value !== null)?.value ?? null;

  data.panels.forEach((s, i) => {
    const px = left + (i % columns) * (panelWidth + gapX);
    const py = rowTops[Math.floor(i / columns)] ?? 0;
    const lines = titles[i] ?? [s.label];
    parts.push(`<g transform="translate(${round1(px)} ${round1(py)})">`);
    parts.push(
      wrappedText(
        lines,
        0,
        -((lines.length - 1) * lineHeight) / 2 - lineHeight / 2 - 4,
        fontSize,
        ' font-weight="600"',
      ),
    );
    if (programmeYears)
      parts.push(
        programmeBand({
          id,
          x0: x(Math.max(first, programmeYears[0] - 0.5)),
          x1: x(Math.min(last, programmeYears[1] + 0.5)),
          top: 0,
          height: panelHeight,
          fillOpacity: 0.5,
        }),
      );
    parts.push(
      gridlines(ticks, { orient: 'left', from: 0, to: panelWidth, labels: i % columns === 0, fontSize }),
    );
    parts.push(
      `<text x="0" y="${panelHeight + 15}">${first}</text><text x="${round1(panelWidth)}" y="${panelHeight + 15}" text-anchor="end">${last}</text>`,
    );
    if (data.reference) {
      const ref = referenceStyle;
      parts.push(
        `<path class="mark" d="${pathOf(data.reference.values)}" fill="none" stroke="${ref.stroke}" stroke-width="${ref.strokeWidth}" stroke-dasharray="${ref.dash}" stroke-opacity="0.8"/>`,
      );
      // The reference is named once, on its line in the first panel, on the side away from the panel's own line.
      const refLast = lastOf(data.reference.values);
      if (i === 0 && refLast !== null) {
        const own = lastOf(s.values);
        const above = own === null || own < refLast;
        const ly = Math.min(Math.max(y(refLast) + (above ? -5 : fontSize + 2), fontSize), panelHeight - 3);
        parts.push(
          `<text x="${round1(panelWidth - 2)}" y="${round1(ly)}" text-anchor="end" font-style="italic">${escapeXml(data.reference.label)}</text>`,
        );
      }
    }
    parts.push(
      `<path class="mark" d="${pathOf(s.values)}" fill="none" stroke="${panelStyle.stroke}" stroke-width="${panelStyle.strokeWidth}" stroke-linejoin="round"><title>${escapeXml(s.label)}</title></path>`,
    );
    for (const p of s.values.filter((p) => p.value === null))
      parts.push(
        symbolMark(
          'times',
          x(p.year),
          panelHeight + 26,
          missingAttributes,
          `<title>${escapeXml(s.label)} ${p.year}: no data</title>`,
        ),
      );
    parts.push(`</g>`);
  });

  const tableSeries = [...data.panels, ...(data.reference ? [data.reference] : [])];
  const desc = smallMultiplesDescription(data, options);
  const body = `<g font-size="${fontSize}">${parts.join('')}</g>`;
  const table = {
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
  };
  return chartFrame({ id, width, height, title, desc, body, table });
}

const missingAttributes = ` class="mark" fill="none" stroke="${okabeIto.vermillion}" stroke-width="1.5"`;
const missingSwatch = { type: 'symbol', shape: 'times', attributes: missingAttributes } as const;

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
