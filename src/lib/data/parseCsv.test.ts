import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsvFile, readUnquotedRecords } from './parseCsv.ts';
import { formatProblem } from './problems.ts';
import { authoritySchema, outcomeSchema, trialSchoolSchema } from './schemas.ts';

const FILE = 'data/authorities.csv';
const messages = (text: string) => parseCsvFile(FILE, text, authoritySchema).problems.map(formatProblem);

describe('parseCsvFile', () => {
  it('reads a file with a BOM, CRLF line endings, a quoted comma and trailing blank lines', () => {
    const text =
      '\uFEFFla_code,la_name,region\r\nE06000010,"Kingston upon Hull, City of",Yorkshire and The Humber\r\nE09000033,Westminster,Inner London\r\n\r\n\r\n';
    const result = parseCsvFile(FILE, text, authoritySchema);
    expect(result.problems).toEqual([]);
    expect(result.rows[0]).toEqual({
      la_code: 'E06000010',
      la_name: 'Kingston upon Hull, City of',
      region: 'Yorkshire and The Humber',
    });
    expect(result.lines).toEqual([2, 3]);
  });

  it('reads a file of several megabytes without quotes, parsed in pieces, as one: every row, line and problem', () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `E09000033,Authority ${i},Region`);
    rows[90_000] = 'E9,Bad,Region,extra';
    rows[100_000] = '';
    const text = `la_code,la_name,region\n${rows.join('\n')}\n\n`;
    expect(text.length).toBeGreaterThan(3 << 20);
    const result = parseCsvFile(FILE, text, authoritySchema);
    expect(result.rows).toHaveLength(120_000 - 2);
    expect(result.lines.at(-1)).toBe(120_001);
    expect(result.rows[90_000]).toEqual({
      la_code: 'E09000033',
      la_name: 'Authority 90001',
      region: 'Region',
    });
    expect(result.problems.map(formatProblem)).toEqual([
      'data/authorities.csv:90002: expected 3 values, one per column, found 4 values. Check for a missing or extra comma, or a cell containing a comma that is not in double quotes.',
      'data/authorities.csv:100002: expected a row of data (blank lines are allowed only at the end), found a blank line. Delete the blank line.',
    ]);
  });

  it('accepts columns in any order', () => {
    const result = parseCsvFile(
      FILE,
      'region,la_code,la_name\nInner London,E09000033,Westminster\n',
      authoritySchema,
    );
    expect(result.rows).toEqual([{ la_code: 'E09000033', la_name: 'Westminster', region: 'Inner London' }]);
  });

  it('reads a file without an optional column as if its cells were blank, and checks it when present', () => {
    const without = parseCsvFile(
      'data/outcomes.csv',
      'outcome,label,description,direction\ns47,S47,Enquiries.,neutral\n',
      outcomeSchema,
    );
    expect(without.problems).toEqual([]);
    expect(without.rows[0]?.no_difference_band).toBeNull();
    const withBand = parseCsvFile(
      'data/outcomes.csv',
      'outcome,label,description,direction,no_difference_band\ns47,S47,Enquiries.,neutral,10\ns17,S17,Assessments.,neutral,ten\n',
      outcomeSchema,
    );
    expect(withBand.rows.map((r) => r.no_difference_band)).toEqual([10]);
    expect(withBand.problems.map(formatProblem)).toEqual([
      'data/outcomes.csv:3: column "no_difference_band": expected a number greater than 0 and below 100, e.g. "10", or a blank cell, found "ten".',
    ]);
  });

  it('counts physical lines across a quoted cell that spans lines', () => {
    const text =
      'la_code,la_name,region\r\nE06000010,"Hull\r\nCity",North\r\nE0900003,Westminster,Inner London\r\n';
    expect(messages(text)).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:4: column "la_code": expected an ONS local-authority code: E06, E08, E09 or E10 then 6 digits, e.g. "E09000033", found "E0900003".",
      ]
    `);
  });

  it('reports an empty file', () => {
    expect(messages('\uFEFF\n\n')).toMatchInlineSnapshot(`
      [
        "data/authorities.csv: expected a header row naming the columns la_code, la_name, region, found an empty file.",
      ]
    `);
  });

  it('reports an unknown column and a missing column in the header', () => {
    expect(messages('la_code,la_nme,region\nE09000033,Westminster,Inner London\n')).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:1: column "la_nme": expected only the columns la_code, la_name, region, found an unknown column "la_nme". Check the spelling, or remove the column.",
        "data/authorities.csv:1: column "la_name": expected a column "la_name", found none (the header has "la_code", "la_nme", "region").",
      ]
    `);
  });

  it('reports a column named twice', () => {
    expect(messages('la_code,la_name,region,region\nE09000033,Westminster,Inner London,x\n'))
      .toMatchInlineSnapshot(`
      [
        "data/authorities.csv:1: column "region": expected each column to appear once, found a second column "region".",
      ]
    `);
  });

  it('reports a ragged row with too few or too many values', () => {
    expect(
      messages(
        'la_code,la_name,region\nE09000033,Westminster\nE06000010,Kingston upon Hull, City of,Yorkshire\n',
      ),
    ).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:2: expected 3 values, one per column, found 2 values. Check for a missing or extra comma, or a cell containing a comma that is not in double quotes.",
        "data/authorities.csv:3: expected 3 values, one per column, found 4 values. Check for a missing or extra comma, or a cell containing a comma that is not in double quotes.",
      ]
    `);
  });

  it('reports a blank line before the end', () => {
    expect(messages('la_code,la_name,region\n\nE09000033,Westminster,Inner London\n')).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:2: expected a row of data (blank lines are allowed only at the end), found a blank line. Delete the blank line.",
      ]
    `);
  });

  it('says once that a semicolon-separated file should be saved with commas, not that columns are missing', () => {
    const result = parseCsvFile(
      FILE,
      'la_code;la_name;region\r\nE09000033;Westminster;Inner London\r\nE06000010;"Kingston upon Hull; City of";Yorkshire\r\n',
      authoritySchema,
      { minRows: 1 },
    );
    expect(result.rows).toEqual([]);
    expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:1: expected the column names separated by commas (la_code,la_name,region), found them separated by semicolons: "la_code;la_name;region". This file looks semicolon-separated (Excel in some locales); save it as CSV with commas ("CSV UTF-8 (Comma delimited)") and run again.",
      ]
    `);
  });

  it('ignores rows of empty cells at the end, as Excel leaves them, like blank lines', () => {
    const result = parseCsvFile(
      FILE,
      'la_code,la_name,region\r\nE09000033,Westminster,Inner London\r\n,,\r\n,,\r\n, ,\r\n',
      authoritySchema,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it('reports a row of empty cells between rows of data as such, once per row', () => {
    expect(messages('la_code,la_name,region\n,,\nE09000033,Westminster,Inner London\n'))
      .toMatchInlineSnapshot(`
      [
        "data/authorities.csv:2: expected a row of data (blank lines are allowed only at the end), found a row of 3 empty cells. Delete the row (in a spreadsheet, delete the whole row).",
      ]
    `);
  });

  it('reports a quoted cell that is never closed', () => {
    expect(messages('la_code,la_name,region\nE09000033,"Westminster,Inner London\n')).toMatchInlineSnapshot(`
      [
        "data/authorities.csv:2: expected a closing double quote (") for a quoted cell, found none before the end of the file. Check for a stray " in this row.",
      ]
    `);
  });

  it('reports every bad cell in every row, not only the first', () => {
    const text = [
      'school_id,la_code,arm,pupils,fsm_percent,status',
      'T1,E06000010,swis,300,20,analysed',
      'T2,E6000010,swiss,-3,101,analysed',
      'T3,E06000010,control,0,12.5,lost',
      ',E06000010,control,1.5,abc,withdrawn',
    ].join('\n');
    const result = parseCsvFile('data/trial/schools.csv', text, trialSchoolSchema);
    expect(result.rows.map((r) => r.school_id)).toEqual(['T1']);
    expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "data/trial/schools.csv:3: column "la_code": expected an ONS local-authority code: E06, E08, E09 or E10 then 6 digits, e.g. "E09000033", found "E6000010".",
        "data/trial/schools.csv:3: column "arm": expected one of "swis" or "control", found "swiss".",
        "data/trial/schools.csv:3: column "pupils": expected a whole number greater than 0, found "-3".",
        "data/trial/schools.csv:3: column "fsm_percent": expected a percentage from 0 to 100, e.g. "23.5", found "101".",
        "data/trial/schools.csv:4: column "pupils": expected a whole number greater than 0, found "0".",
        "data/trial/schools.csv:4: column "status": expected one of "analysed", "withdrawn" or "lost_to_follow_up", found "lost".",
        "data/trial/schools.csv:5: column "school_id": expected a school id, found an empty cell.",
        "data/trial/schools.csv:5: column "pupils": expected a whole number greater than 0, found "1.5".",
        "data/trial/schools.csv:5: column "fsm_percent": expected a percentage from 0 to 100, e.g. "23.5", found "abc".",
      ]
    `);
    expect(result.problems[2]).toMatchObject({
      file: 'data/trial/schools.csv',
      line: 3,
      column: 'pupils',
      found: '"-3"',
    });
  });

  it('enforces a row count when asked', () => {
    const result = parseCsvFile(FILE, 'la_code,la_name,region\n', authoritySchema, { minRows: 1 });
    expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "data/authorities.csv: expected at least 1 row of data, found none.",
      ]
    `);
  });

  it('throws a RangeError naming itself when misused', () => {
    expect(() => parseCsvFile(FILE, undefined as unknown as string, authoritySchema)).toThrow(/parseCsvFile/);
  });
});

describe('readUnquotedRecords', () => {
  const texts = [
    '',
    'a',
    '\n',
    '\n\n',
    'h1,h2\n1,2\n3,4',
    'h1,h2\n1,2\n3,4\n',
    'h1,h2\n1,2\n\n\n',
    'h1,h2\n\n1,2\n,\n,,,\n 3 , 4 ,\n5\n6,7,8,9\n',
    ',\n,,\n',
    Array.from({ length: 500 }, (_, i) => (i % 37 === 0 ? '' : `S${i},2021-0${i % 9},x,${i}`)).join('\n') +
      '\n',
  ];

  it('gives the records Papa Parse gives for a text without quotes or CRs, whatever the size of the pieces', () => {
    for (const text of texts) {
      const papa = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n', skipEmptyLines: false }).data;
      for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
        const records: string[][] = [];
        readUnquotedRecords(text, (record) => records.push(record), size);
        expect(records, `${JSON.stringify(text.slice(0, 40))} in pieces of ${size}`).toEqual(papa);
      }
    }
  });
});
