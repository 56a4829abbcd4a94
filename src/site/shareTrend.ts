/**
 * An official percentage from context-shares.json (the share of referrals made by schools,
 * overall absence) for one authority beside England, as an authority page shows it: a table row
 * per year the source covers, and a trend chart over every year from the first to the last, a
 * year without a figure drawn as a gap rather than joined across.
 */
import { trendLines } from '../charts/trendLines.ts';
import type { ChartResult } from '../charts/chartTypes.ts';
import type { ContextShare } from '../lib/contracts/resultsSchemas.ts';
import { formatPercent } from '../lib/format/formatNumber.ts';
import { contextSharesFor, ENGLAND } from './siteData.ts';

export interface ShareTrend {
  /** Year label, the authority's figure, England's figure; a symbol where there is none. */
  rows: string[][];
  /** The rows as the page's data table shows them, under the chart: caption, columns and rows. */
  table: { caption: string; columns: { label: string; numeric: boolean }[]; rows: string[][] };
  /** The years the source covers, oldest first. */
  years: number[];
  /** Years between the first and the last that have no figure for anyone. */
  gaps: number[];
  /** The chart, or null when the authority has no figure or only one year. */
  chart: ChartResult | null;
}

/**
 * The table rows and chart of one percentage measure for an authority and England. `symbols`
 * collects each symbol shown in place of a figure, for the page's list of symbols.
 */
export function shareTrend(o: {
  measure: ContextShare['measure'];
  laCode: string;
  name: string;
  yearLabel: (year: number) => string;
  /** The table's caption, and the heading of its column of years ("Year", "Academic year"). */
  table: { caption: string; yearHeading: string };
  chart: {
    id: string;
    title: string;
    unit: string;
    programmeYears?: readonly [number, number] | undefined;
    programmeLabel: string;
  };
  symbols: Set<string>;
}): ShareTrend {
  const mine = contextSharesFor(o.laCode).filter((r) => r.measure === o.measure);
  const england = contextSharesFor(ENGLAND).filter((r) => r.measure === o.measure);
  const years = [...new Set([...mine, ...england].map((r) => r.year))].sort((a, b) => a - b);
  const cell = (r: ContextShare | undefined) => {
    if (r && r.percent === null) o.symbols.add(r.symbol ?? 'x');
    return r ? (r.percent === null ? (r.symbol ?? 'x') : formatPercent(r.percent)) : 'x';
  };
  const rows = years.map((y) => [
    o.yearLabel(y),
    cell(mine.find((r) => r.year === y)),
    cell(england.find((r) => r.year === y)),
  ]);
  const span =
    years.length === 0 ? [] : Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i);
  const gaps = span.filter((y) => !years.includes(y));
  const series = (list: ContextShare[]) =>
    span.map((year) => ({ year, value: list.find((r) => r.year === year)?.percent ?? null }));
  const { programmeYears, ...chartOptions } = o.chart;
  const chart =
    mine.some((r) => r.percent !== null) && years.length > 1
      ? trendLines(
          {
            authority: { label: o.name, values: series(mine) },
            england: { label: 'England', values: series(england) },
          },
          { ...chartOptions, ...(programmeYears ? { programmeYears } : {}) },
        )
      : null;
  const table = {
    caption: o.table.caption,
    columns: [
      { label: o.table.yearHeading, numeric: false },
      { label: o.name, numeric: true },
      { label: 'England', numeric: true },
    ],
    rows,
  };
  return { rows, table, years, gaps, chart };
}
