/** One column of a chart's data-table twin; `numeric` columns are right-aligned by the renderer. */
export type ChartTableColumn = { label: string; numeric: boolean };

/** The data-table twin of a chart: the same facts as the SVG, as already-formatted text. */
export type ChartTable = { caption: string; columns: ChartTableColumn[]; rows: string[][] };

/** What every chart builder returns: an accessible SVG string and its data-table twin. */
export type ChartResult = { svg: string; table: ChartTable };
