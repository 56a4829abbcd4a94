import Papa from 'papaparse';
import type { z } from 'zod';
import { makeProblem, quoteValue } from './problems.ts';
import type { Problem } from './problems.ts';

/** Options for {@link parseCsvFile}. */
export type ParseCsvOptions = {
  /** Fewest data rows allowed (default 0). */
  minRows?: number;
  /** Most data rows allowed (default unlimited). */
  maxRows?: number;
};

/** The valid rows of a CSV file, the physical line each starts on, and every problem found. */
export type ParsedCsv<T> = {
  rows: T[];
  /** lines[i] is the 1-based physical line on which rows[i] starts (the header is line 1). */
  lines: number[];
  problems: Problem[];
};

/** Any zod object schema whose columns take the raw cell text. */
export type CsvRowSchema = z.ZodObject;

/**
 * Parses the text of one CSV file against a row schema, checking every cell and collecting every
 * problem rather than stopping at the first. Accepts a UTF-8 BOM, LF or CRLF line endings and
 * RFC 4180 quoting (including line breaks inside quoted cells, which are counted so that line
 * numbers match what a researcher sees in an editor). Columns may come in any order; unknown,
 * missing and repeated columns, ragged rows and blank lines before the end are problems.
 * Trailing blank lines are ignored. Never throws on bad data.
 *
 * @example parseCsvFile('data/authorities.csv', 'la_code,la_name,region\n…', authoritySchema)
 */
export function parseCsvFile<S extends CsvRowSchema>(
  fileName: string,
  text: string,
  schema: S,
  options: ParseCsvOptions = {},
): ParsedCsv<z.infer<S>> {
  if (typeof fileName !== 'string' || typeof text !== 'string') {
    throw new RangeError('parseCsvFile: fileName and text must be strings');
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const columns = Object.keys(shape);
  const problems: Problem[] = [];
  const rows: z.infer<S>[] = [];
  const lines: number[] = [];
  const problem = (
    line: number | null,
    expected: string,
    found: string,
    column?: string,
    hint?: string,
  ): void => {
    problems.push(
      makeProblem({
        file: fileName,
        line,
        expected,
        found,
        ...(column === undefined ? {} : { column }),
        ...(hint === undefined ? {} : { hint }),
      }),
    );
  };

  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    problem(null, `a header row naming the columns ${columns.join(', ')}`, 'an empty file');
    return { rows, lines, problems };
  }

  const parsed = Papa.parse<string[]>(body, { delimiter: ',', quoteChar: '"', skipEmptyLines: false });
  const records = parsed.data;
  // A record spans 1 + the line breaks inside its quoted cells. In a file with LF endings and no
  // double quote, no cell can hold a line break and record i starts on line i + 1: that skips
  // reading every character of every cell again (tens of millions at national scale). Files with
  // quotes or any CR (CRLF endings, stray CRs an editor shows as breaks) take the exact count.
  const quoted = body.includes('"') || body.includes('\r');
  const startLines: number[] = [];
  let line = 1;
  for (const record of records) {
    startLines.push(line);
    line += quoted ? 1 + record.reduce((n, cell) => n + countLineBreaks(cell), 0) : 1;
  }
  const badRecords = new Set<number>();
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    badRecords.add(error.row);
    const at = startLines[error.row] ?? 1;
    if (error.code === 'MissingQuotes') {
      problem(
        at,
        'a closing double quote (") for a quoted cell',
        'none before the end of the file',
        undefined,
        'Check for a stray " in this row.',
      );
    } else {
      problem(
        at,
        'a comma or the end of the line right after a closing double quote',
        'other characters',
        undefined,
        'Write a double quote inside a quoted cell as "".',
      );
    }
  }

  let last = records.length - 1;
  while (last >= 0 && isBlank(records[last])) last -= 1;

  const header = (records[0] ?? []).map((name) => name.trim());
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    if (name === '') {
      problem(1, `a column name in position ${index + 1}`, 'an empty name');
    } else if (positions.has(name)) {
      problem(1, 'each column to appear once', `a second column ${quoteValue(name)}`, name);
    } else if (!(name in shape)) {
      problem(
        1,
        `only the columns ${columns.join(', ')}`,
        `an unknown column ${quoteValue(name)}`,
        name,
        'Check the spelling, or remove the column.',
      );
    }
    if (!positions.has(name)) positions.set(name, index);
  });
  for (const column of columns) {
    if (!positions.has(column)) {
      problem(
        1,
        `a column "${column}"`,
        `none (the header has ${
          header
            .filter((h) => h !== '')
            .map((h) => quoteValue(h))
            .join(', ') || 'no names'
        })`,
        column,
      );
    }
  }

  // Per column, a parser that remembers its verdict on each distinct cell text. Column schemas
  // are pure functions of the text (their values are numbers, strings or booleans, safe to share), and national-scale files repeat the same few thousand
  // values (school ids, months, outcomes, small counts) millions of times: a Map lookup is a
  // fraction of a zod parse. The memo stops growing at MEMO_LIMIT distinct values per column.
  const columnPositions = columns.map((column) => positions.get(column));
  const cellParsers = columns.map((column) => memoised(shape[column]!));
  // The cells' values are the row, unless the row schema has rules of its own (refinements, a
  // catchall): then the whole row goes through the schema as well, as before.
  const def = (schema as unknown as { _zod: { def: { checks?: unknown[]; catchall?: unknown } } })._zod.def;
  const plainObject = (def.checks ?? []).length === 0 && def.catchall === undefined;

  let dataRows = 0;
  const dataLines: number[] = [];
  for (let index = 1; index <= last; index += 1) {
    const record = records[index] ?? [];
    // Release each record once read (nothing reads records after this loop): at national scale
    // the records, one array per row, are a few hundred MB that would otherwise stay alive next
    // to the typed rows until the whole file is done, raising peak memory.
    (records as (string[] | undefined)[])[index] = undefined;
    const at = startLines[index] ?? 1;
    if (badRecords.has(index)) continue;
    if (isBlank(record)) {
      problem(
        at,
        'a row of data (blank lines are allowed only at the end)',
        'a blank line',
        undefined,
        'Delete the blank line.',
      );
      continue;
    }
    dataRows += 1;
    dataLines.push(at);
    if (record.length !== header.length) {
      problem(
        at,
        `${header.length} values, one per column`,
        `${record.length} ${record.length === 1 ? 'value' : 'values'}`,
        undefined,
        'Check for a missing or extra comma, or a cell containing a comma that is not in double quotes.',
      );
      continue;
    }
    const raw: Record<string, string> = {};
    const row: Record<string, unknown> = {};
    let rowOk = true;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const position = columnPositions[c];
      if (position === undefined) {
        rowOk = false;
        continue;
      }
      const cell = record[position] ?? '';
      if (!plainObject) raw[column] = cell;
      const parsedCell = cellParsers[c]!(cell);
      if (parsedCell.success) row[column] = parsedCell.data;
      else {
        rowOk = false;
        problem(at, shape[column]?.description ?? 'a valid value', quoteValue(cell), column);
      }
    }
    if (!rowOk) continue;
    if (plainObject) {
      rows.push(row as z.infer<S>);
      lines.push(at);
      continue;
    }
    const result = schema.safeParse(raw);
    if (result.success) {
      rows.push(result.data);
      lines.push(at);
    } else {
      problem(at, 'a valid row', 'a row that does not match the schema');
    }
  }

  const { minRows = 0, maxRows = Infinity } = options;
  if (dataRows < minRows || dataRows > maxRows) {
    const expected =
      minRows === maxRows
        ? `exactly ${minRows} ${minRows === 1 ? 'row' : 'rows'} of data`
        : dataRows < minRows
          ? `at least ${minRows} ${minRows === 1 ? 'row' : 'rows'} of data`
          : `at most ${maxRows} ${maxRows === 1 ? 'row' : 'rows'} of data`;
    problem(
      dataRows < minRows ? null : (dataLines[maxRows] ?? null),
      expected,
      dataRows === 0 ? 'none' : `${dataRows}`,
    );
  }
  return { rows, lines, problems };
}

/** Distinct values per column remembered by {@link memoised}: bounded memory on unique ids. */
const MEMO_LIMIT = 100_000;

type CellResult = { success: true; data: unknown } | { success: false };

function memoised(cellSchema: z.ZodType): (cell: string) => CellResult {
  const memo = new Map<string, CellResult>();
  return (cell) => {
    let result = memo.get(cell);
    if (result === undefined) {
      const parsed = cellSchema.safeParse(cell);
      result = parsed.success ? { success: true, data: parsed.data } : { success: false };
      if (memo.size < MEMO_LIMIT) memo.set(cell, result);
    }
    return result;
  };
}

function isBlank(record: readonly string[] | undefined): boolean {
  return record === undefined || (record.length === 1 && (record[0] ?? '').trim() === '');
}

function countLineBreaks(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i];
    if (c === '\n' || (c === '\r' && cell[i + 1] !== '\n')) n += 1;
  }
  return n;
}
