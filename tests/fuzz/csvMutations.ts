import fc from 'fast-check';

/**
 * Random damage to a data folder's CSV files, as fast-check arbitraries: the kinds of damage a
 * spreadsheet, an editor, a half-finished copy or a wrong export does to a file. Positions are
 * drawn as plain numbers and taken modulo the file's size when applied, so any mutation applies
 * to any file.
 */
export type Mutation =
  | { kind: 'cell'; file: number; line: number; column: number; value: string; quoted: boolean }
  | { kind: 'header'; file: number; column: number; value: string }
  | { kind: 'quote'; file: number; at: number; text: string }
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'noise'; file: number; at: number; bytes: number[] }
  | { kind: 'encoding'; file: number; encoding: 'utf16le' | 'latin1' | 'bom' | 'double-bom' | 'crlf' | 'cr' }
  | { kind: 'line'; file: number; line: number; op: 'delete' | 'duplicate' | 'blank' | 'move-to-top' }
  | { kind: 'huge'; file: number; line: number; column: number; value: string }
  | { kind: 'delete-file'; file: number };

/** Values that mean something to some column somewhere, and values that mean nothing. */
const cellValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-0',
    '-1',
    '1.5',
    '1e3',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    'null',
    'true',
    'c',
    'x',
    'baseline',
    'followup',
    'swis',
    'control',
    'comparison',
    'analysed',
    's47',
    'E09000008',
    'E92000001',
    '2020-13',
    '2020-00',
    '1999-01',
    '2020-9',
    '"',
    '""',
    'a,b',
    'a\nb',
    'a\r\nb',
    '\u0000',
    '\uFEFF',
    '\u00A0',
    '١٢٣',
    '１２',
    'T001',
    'P001',
    '=1+1',
    '<script>',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
);

const hugeValue = fc.oneof(
  fc.integer({ min: 16, max: 400 }).map((n) => '9'.repeat(n)),
  fc.constantFrom('1e308', '-1e308', '1.7976931348623157e309', '4294967296', '9007199254740993'),
  fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 2_000 }).map((n) => 'a,'.repeat(n)),
);

const file = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      file,
      line: fc.nat(),
      column: fc.nat(),
      value: cellValue,
      quoted: fc.boolean(),
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('header' as const), file, column: fc.nat(), value: cellValue }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('quote' as const),
      file,
      at: fc.nat(),
      text: fc.constantFrom('"', '""', '"a', 'a"', '",', '\n"', '"\n'),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), file, at: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant('noise' as const),
      file,
      at: fc.nat(),
      bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('encoding' as const),
      file,
      encoding: fc.constantFrom('utf16le', 'latin1', 'bom', 'double-bom', 'crlf', 'cr'),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('line' as const),
      file,
      line: fc.nat(),
      op: fc.constantFrom('delete', 'duplicate', 'blank', 'move-to-top'),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('huge' as const),
      file,
      line: fc.nat(),
      column: fc.nat(),
      value: hugeValue,
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete-file' as const), file }), weight: 1 },
);

/** One to three mutations, applied in order. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

const csvQuote = (v: string) => `"${v.replace(/"/g, '""')}"`;

/**
 * Applies `m` to `files` (path → bytes, in a fixed order; a deleted file becomes null) in place.
 * Text edits decode as UTF-8, so that is also how noise and re-encodings reach the loader.
 */
export function applyMutation(files: Map<string, Buffer | null>, m: Mutation): void {
  const names = [...files.keys()];
  const name = names[m.file % names.length]!;
  const bytes = files.get(name);
  if (bytes === null || bytes === undefined) return;
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  const set = (t: string | Buffer): void => {
    files.set(name, typeof t === 'string' ? Buffer.from(t, 'utf8') : t);
  };
  const editCell = (wanted: number, column: number, value: string) => {
    const lineNo = Math.min(wanted, lines.length - 1);
    const cells = lines[lineNo]!.split(',');
    cells[column % cells.length] = value;
    lines[lineNo] = cells.join(',');
    set(lines.join('\n'));
  };
  switch (m.kind) {
    case 'cell':
      return editCell(
        1 + (m.line % Math.max(1, lines.length - 1)),
        m.column,
        m.quoted ? csvQuote(m.value) : m.value,
      );
    case 'header':
      return editCell(0, m.column, m.value);
    case 'huge':
      return editCell(1 + (m.line % Math.max(1, lines.length - 1)), m.column, m.value);
    case 'quote': {
      const at = m.at % (text.length + 1);
      return set(text.slice(0, at) + m.text + text.slice(at));
    }
    case 'truncate':
      return set(bytes.subarray(0, m.at % (bytes.length + 1)));
    case 'noise': {
      const at = m.at % (bytes.length + 1);
      return set(Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]));
    }
    case 'encoding':
      return set(reencode(text, m.encoding));
    case 'line': {
      const i = m.line % lines.length;
      if (m.op === 'delete') lines.splice(i, 1);
      else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]!);
      else if (m.op === 'blank') lines.splice(i, 0, '');
      else lines.unshift(...lines.splice(i, 1));
      return set(lines.join('\n'));
    }
    case 'delete-file':
      files.set(name, null);
      return;
  }
}

/** The text as a file saved with another encoding or line ending would hold it. */
function reencode(text: string, encoding: Extract<Mutation, { kind: 'encoding' }>['encoding']): Buffer {
  switch (encoding) {
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'latin1':
      return Buffer.from(text.replace(/a/g, 'ä'), 'latin1');
    case 'bom':
      return Buffer.from('\uFEFF' + text, 'utf8');
    case 'double-bom':
      return Buffer.from('\uFEFF\uFEFF' + text, 'utf8');
    case 'crlf':
      return Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8');
    case 'cr':
      return Buffer.from(text.replace(/\n/g, '\r'), 'utf8');
  }
}
