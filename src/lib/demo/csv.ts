/** A table ready to be written as CSV: a fixed header and rows of already-formatted strings. */
export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly string[])[];
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Serialises a table as RFC 4180 CSV with LF line endings and a final newline.
 * Fields are quoted only when they contain a comma, quote or line break, so the
 * output is byte-stable for the same input.
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(quote).join(','));
  return `${lines.join('\n')}\n`;
}
