import type { ChartTable } from '../charts/chartTypes.ts';

/**
 * A chart's data-table twin as CSV text (RFC 4180, CRLF): the column labels as the header, then
 * the cells exactly as the table shows them.
 * @example tableCsv({ caption: 'c', columns: [{ label: 'A', numeric: false }], rows: [['x,y']] }) === 'A\r\n"x,y"\r\n'
 */
export function tableCsv(table: ChartTable): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [table.columns.map((c) => c.label), ...table.rows]
    .map((r) => r.map(cell).join(',') + '\r\n')
    .join('');
}
