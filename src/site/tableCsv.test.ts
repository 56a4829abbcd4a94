import { describe, expect, it } from 'vitest';
import { tableCsv } from './tableCsv.ts';

describe('tableCsv', () => {
  it('writes the column labels and the cells as shown, quoting commas and quotes (RFC 4180)', () => {
    const csv = tableCsv({
      caption: 'c',
      columns: [
        { label: 'Authority', numeric: false },
        { label: 'Rate, per 10,000', numeric: true },
      ],
      rows: [
        ['Kingston upon Hull, City of', '1,234.5'],
        ['A "quoted" name', '−2.0'],
      ],
    });
    expect(csv).toBe(
      'Authority,"Rate, per 10,000"\r\n"Kingston upon Hull, City of","1,234.5"\r\n"A ""quoted"" name",−2.0\r\n',
    );
  });

  it('neutralises a label that would be a formula and keeps numbers, negative ones included', () => {
    const csv = tableCsv({
      caption: 'c',
      columns: [
        { label: '@Authority', numeric: false },
        { label: 'Change', numeric: true },
      ],
      rows: [
        ['=cmd|"/C calc"!A0', '-0.5'],
        ['-Westminster', '−2.0'],
      ],
    });
    expect(csv).toBe(`'@Authority,Change\r\n"'=cmd|""/C calc""!A0",-0.5\r\n'-Westminster,−2.0\r\n`);
  });
});
