import type { ChartTable } from '../charts/chartTypes.ts';
import { csvCell } from './toCsv.ts';

/**
 * A chart's data-table twin as CSV text (RFC 4180, CRLF): the column labels as the header, then
 * the cells exactly as the table shows them, with formulas neutralised (see {@link csvCell}).
 * @example tableCsv({ caption: 'c', columns: [{ label: 'A', numeric: false }], rows: [['x,y']] }) === 'A\r\n"x,y"\r\n'
 */
export function tableCsv(table: ChartTable): string {
  return [table.columns.map((c) => c.label), ...table.rows]
    .map((r) => r.map(csvCell).join(',') + '\r\n')
    .join('');
}
