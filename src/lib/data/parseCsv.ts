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
  /**
   * The header line, when `text` is the rows after a cut made by {@link splitAtLine} (its tail):
   * it is read first, as the file's first line.
   */
  header?: string;
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

// Column schemas a file may leave out: an absent optional column reads as a blank cell in every
// row, so a column added to the contract later (such as outcomes.csv's `kind`) keeps every
// existing file valid.
const optionalColumns = new WeakSet<z.ZodType>();

/**
 * Marks a column schema as optional: a file without that column reads it as blank in every row,
 * and so does a row object without the key (the schema reads undefined as a blank cell).
 */
export function optionalColumn<T extends z.ZodType<unknown, string>>(schema: T) {
  const column = schema.prefault(() => '' as z.input<T>).describe(schema.description ?? 'a valid value');
  optionalColumns.add(column);
  return column;
}

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
  const rows: z.infer<S>[] = [];
  const lines: number[] = [];
  const { problems } = streamCsvFile(fileName, text, schema, options, (row, line) => {
    rows.push(row);
    lines.push(line);
  });
  return { rows, lines, problems };
}

/**
 * {@link parseCsvFile} without keeping the rows: each valid row is handed to `onRow`, with the
 * line it starts on, as soon as it is read, and is not held afterwards. Returns how many valid
 * rows were handed over and every problem found, exactly as parseCsvFile finds them.
 * This is how a file of millions of rows is summed while it is read (see cells.ts).
 */
export function streamCsvFile<S extends CsvRowSchema>(
  fileName: string,
  text: string,
  schema: S,
  options: ParseCsvOptions,
  onRow: (row: z.infer<S>, line: number) => void,
): { rows: number; problems: Problem[] } {
  if (typeof fileName !== 'string' || typeof text !== 'string') {
    throw new RangeError('parseCsvFile: fileName and text must be strings');
  }
  const shape = schema.shape as Record<string, z.ZodType>;
  const columns = Object.keys(shape);
  const problems: Problem[] = [];
  let validRows = 0;
  const emit = (row: z.infer<S>, line: number): void => {
    validRows += 1;
    onRow(row, line);
  };
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

  const body = options.header !== undefined ? text : text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (options.header === undefined && body.trim() === '') {
    problem(null, `a header row naming the columns ${columns.join(', ')}`, 'an empty file');
    return { rows: 0, problems };
  }

  // Records are read one at a time (Papa Parse's step mode) and each is done with before the
  // next is parsed. Why: at national scale the whole file as arrays of cell strings is a few
  // hundred MB that would live next to the typed rows until the file is done; read row by row,
  // each record dies young, which halves the parse time and the peak memory.
  //
  // A record spans 1 + the line breaks inside its quoted cells. In a file with LF endings and no
  // double quote, no cell can hold a line break and record i starts on line i + 1: that skips
  // reading every character of every cell again (tens of millions at national scale). Files with
  // quotes or any CR (CRLF endings, stray CRs an editor shows as breaks) take the exact count.
  const quoted = body.includes('"') || body.includes('\r');
  // Problems keep the order they had when the whole file was parsed first: quoting problems,
  // then the header's, then each row's in turn.
  const quoteProblems: Problem[] = [];
  let header: string[] = [];
  let columnPositions: (number | undefined)[] = [];
  let cellParsers: ((cell: string) => CellResult)[] = [];
  // The cells' values are the row, unless the row schema has rules of its own (refinements, a
  // catchall): then the whole row goes through the schema as well, as before.
  const def = (schema as unknown as { _zod: { def: { checks?: unknown[]; catchall?: unknown } } })._zod.def;
  const plainObject = (def.checks ?? []).length === 0 && def.catchall === undefined;
  const { minRows = 0, maxRows = Infinity } = options;

  let line = 1; // where the next record starts
  let index = 0; // records read, the header included
  let dataRows = 0;
  let overflowLine: number | null = null; // the line of the first data row past maxRows
  // Blank lines are a problem only if data follows them: held until the next record shows.
  const blankLines: [line: number, cells: number][] = [];

  // A semicolon-separated file (what Excel saves as "CSV" where the decimal separator is a comma)
  // is read as one column per line: said once, instead of a missing column for every name and a
  // ragged row for every line.
  let semicolons = false;

  const onHeader = (record: string[]): void => {
    header = record.map((name) => name.trim());
    if (looksSemicolonSeparated(header, columns)) {
      semicolons = true;
      problem(
        1,
        `the column names separated by commas (${columns.join(',')})`,
        `them separated by semicolons: ${quoteValue(record.join(','))}`,
        undefined,
        'This file looks semicolon-separated (Excel in some locales); save it as CSV with commas ("CSV UTF-8 (Comma delimited)") and run again.',
      );
      return;
    }
    const positions = new Map<string, number>();
    header.forEach((name, position) => {
      if (name === '') {
        problem(1, `a column name in position ${position + 1}`, 'an empty name');
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
      if (!positions.has(name)) positions.set(name, position);
    });
    for (const column of columns) {
      if (!positions.has(column) && !optionalColumns.has(shape[column]!)) {
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
    columnPositions = columns.map((column) => positions.get(column));
    // Per column, a parser that remembers its verdict on each distinct cell text. Column schemas
    // are pure functions of the text (their values are numbers, strings or booleans, safe to
    // share), and national-scale files repeat the same few thousand values (school ids, months,
    // outcomes, small counts) millions of times: a Map lookup is a fraction of a zod parse. The
    // memo stops growing at MEMO_LIMIT distinct values per column.
    cellParsers = columns.map((column) => memoised(shape[column]!));
  };

  const flushBlankLines = (): void => {
    if (blankLines.length === 0) return;
    for (const [blank, cells] of blankLines.splice(0)) {
      problem(
        blank,
        'a row of data (blank lines are allowed only at the end)',
        cells > 1 ? `a row of ${cells} empty cells` : 'a blank line',
        undefined,
        cells > 1 ? 'Delete the row (in a spreadsheet, delete the whole row).' : 'Delete the blank line.',
      );
    }
  };

  const onRecord = (record: string[], at: number): void => {
    dataRows += 1;
    if (dataRows === maxRows + 1) overflowLine = at;
    if (record.length !== header.length) {
      problem(
        at,
        `${header.length} values, one per column`,
        `${record.length} ${record.length === 1 ? 'value' : 'values'}`,
        undefined,
        'Check for a missing or extra comma, or a cell containing a comma that is not in double quotes.',
      );
      return;
    }
    // The raw cells are kept only for a schema with row rules (a plain one needs just the values).
    const raw: Record<string, string> | null = plainObject ? null : {};
    const row: Record<string, unknown> = {};
    let rowOk = true;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      const position = columnPositions[c];
      if (position === undefined && !optionalColumns.has(shape[column]!)) {
        rowOk = false;
        continue;
      }
      const cell = position === undefined ? '' : (record[position] ?? '');
      if (raw !== null) raw[column] = cell;
      const parsedCell = cellParsers[c]!(cell);
      if (parsedCell.success) row[column] = parsedCell.data;
      else {
        rowOk = false;
        problem(at, shape[column]?.description ?? 'a valid value', quoteValue(cell), column);
      }
    }
    if (!rowOk) return;
    if (plainObject) {
      emit(row as z.infer<S>, at);
      return;
    }
    const result = schema.safeParse(raw);
    if (result.success) {
      emit(result.data, at);
    } else {
      problem(at, 'a valid row', 'a row that does not match the schema');
    }
  };

  /** Takes one record (its cells' texts) with the errors Papa Parse found in it. */
  const takeRecord = (record: string[], errors: readonly Papa.ParseError[]): void => {
    const at = line;
    line += quoted ? 1 + record.reduce((n, cell) => n + countLineBreaks(cell), 0) : 1;
    const first = index === 0;
    index += 1;
    // Papa Parse can report the same quoting fault several times in one record: each kind
    // is reported once per record.
    // (Almost every record has none: the common case allocates nothing.)
    const quoteCodes =
      errors.length === 0
        ? NO_CODES
        : [...new Set(errors.filter((e) => e.type === 'Quotes').map((e) => e.code))];
    for (const code of quoteCodes) {
      quoteProblems.push(
        code === 'MissingQuotes'
          ? makeProblem({
              file: fileName,
              line: at,
              expected: 'a closing double quote (") for a quoted cell',
              found: 'none before the end of the file',
              hint: 'Check for a stray " in this row.',
            })
          : makeProblem({
              file: fileName,
              line: at,
              expected: 'a comma or the end of the line right after a closing double quote',
              found: 'other characters',
              hint: 'Write a double quote inside a quoted cell as "".',
            }),
      );
    }
    const badQuotes = quoteCodes.length > 0;
    if (first) {
      onHeader(record);
      return;
    }
    if (semicolons) return;
    // A row of empty cells (",,,") is how Excel saves a row that once held something: it holds
    // no data, so it counts as a blank line (ignored at the end, a problem between rows).
    const blank = isBlank(record);
    if (blank && !badQuotes) {
      blankLines.push([at, record.length]);
      return;
    }
    if (!blank) flushBlankLines();
    if (!badQuotes) onRecord(record, at);
  };
  const config: Papa.ParseConfig<string[]> = {
    delimiter: ',',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => takeRecord(result.data, result.errors),
  };
  // A file without quotes or CRs is read a piece of lines at a time (readUnquotedRecords): given
  // the whole file, Papa Parse would first split it into one string per line, millions at
  // national scale, all alive until the last is read, most of the results' peak memory (and its
  // own chunkSize would keep every chunk alive too, on its recursion's stack). A file with quotes
  // or CRs is parsed whole by Papa Parse, so that a quoting mistake is reported exactly as before
  // (a quoted cell may hold a line break); so is one with a byte order mark past its start.
  if (options.header !== undefined) Papa.parse(options.header, config);
  if (quoted || body.includes('\uFEFF')) Papa.parse(body, config);
  else readUnquotedRecords(body, (record) => takeRecord(record, NO_ERRORS));

  if (!semicolons && (dataRows < minRows || dataRows > maxRows)) {
    const expected =
      minRows === maxRows
        ? `exactly ${minRows} ${minRows === 1 ? 'row' : 'rows'} of data`
        : dataRows < minRows
          ? `at least ${minRows} ${minRows === 1 ? 'row' : 'rows'} of data`
          : `at most ${maxRows} ${maxRows === 1 ? 'row' : 'rows'} of data`;
    problem(dataRows < minRows ? null : overflowLine, expected, dataRows === 0 ? 'none' : `${dataRows}`);
  }
  problems.unshift(...quoteProblems);
  return { rows: validRows, problems };
}

const NO_CODES: readonly string[] = [];
const NO_ERRORS: readonly Papa.ParseError[] = [];

/**
 * A file that {@link streamCsvFile} reads in pieces (no quotes, CRs or stray byte order mark) cut
 * in two at the first line break past `share` of its length, for two threads to read: `head` is the header and the
 * rows before the cut, `tail` the rows after it, read with the option `header` (the first line).
 * Read one after the other, they hand over the same rows in the same order as the whole file
 * (the tail's line numbers count from its header). The line before the cut holds data, so no blank line waits at
 * the end of the head for data to follow. Null for any other file, or one without such a line.
 */
export function splitAtLine(
  text: string,
  share = 0.5,
): { head: string; header: string; tail: string } | null {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.includes('"') || body.includes('\r') || body.includes('\uFEFF')) return null;
  const headerEnd = body.indexOf('\n');
  if (headerEnd === -1) return null;
  let cut = body.indexOf('\n', Math.max(headerEnd + 1, Math.floor(body.length * share)));
  while (cut !== -1 && isBlank(body.slice(body.lastIndexOf('\n', cut - 1) + 1, cut).split(',')))
    cut = body.indexOf('\n', cut + 1);
  if (cut === -1) return null;
  return { head: body.slice(0, cut), header: body.slice(0, headerEnd), tail: body.slice(cut + 1) };
}

/** About how many characters of an unquoted file are split into lines at a time. */
const PIECE_CHARS = 1 << 16;

/**
 * Hands `onRecord` each record of `text`, a CSV text without quotes or CRs, as Papa Parse reads
 * such a text (its "fast mode"): one record per line, split at LF, each split at commas into its
 * cells, and no record at all from an empty text. The lines are split a piece of about `size`
 * characters at a time (see {@link piecesOfLines}), so that one piece's lines live at once.
 *
 * Why not Papa Parse itself: in step mode it wraps each record in a result object with arrays of
 * its own and hands it through two layers of callbacks, which was about a fifth of the read at
 * national scale (the 1x bench's pilot/outcomes.csv on one thread: 1.4-2.2 s against 1.8-3.3 s).
 */
export function readUnquotedRecords(
  text: string,
  onRecord: (record: string[]) => void,
  size = PIECE_CHARS,
): void {
  if (text === '') return;
  for (const piece of piecesOfLines(text, size))
    for (const line of piece.split('\n')) onRecord(line.split(','));
}

/**
 * `text` cut at line breaks (LF, each dropped) into pieces of about `size` characters or more:
 * parsed one after another, they give the records of the whole text, in order.
 */
function* piecesOfLines(text: string, size: number): Generator<string> {
  let start = 0;
  for (let cut = text.indexOf('\n', start + size); cut !== -1; cut = text.indexOf('\n', start + size)) {
    yield text.slice(start, cut);
    start = cut + 1;
  }
  yield text.slice(start);
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

/** A blank line, or a row whose every cell is empty or spaces (Excel's trailing ",,,"). */
function isBlank(record: readonly string[] | undefined): boolean {
  return record === undefined || record.every((cell) => cell.trim() === '');
}

/**
 * A header read as fewer columns than the schema has, in which semicolons separate at least two
 * names the schema knows.
 */
function looksSemicolonSeparated(header: readonly string[], columns: readonly string[]): boolean {
  if (header.length >= columns.length) return false;
  const names = header.flatMap((cell) => cell.split(';').map((name) => name.trim().replace(/^"|"$/g, '')));
  return names.length > header.length && names.filter((name) => columns.includes(name)).length >= 2;
}

function countLineBreaks(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i];
    if (c === '\n' || (c === '\r' && cell[i + 1] !== '\n')) n += 1;
  }
  return n;
}
