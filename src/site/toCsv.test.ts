import { expect, test } from 'vitest';
import { csvCell, toCsv } from './toCsv.ts';

test('nested objects become dotted columns and nulls empty cells', () => {
  expect(
    toCsv([
      { a: 1, b: { c: 'x' } },
      { a: null, b: { c: 'y' } },
    ]),
  ).toBe('a,b.c\r\n1,x\r\n,y\r\n');
});

test('cells with commas or quotes are quoted', () => {
  expect(toCsv([{ name: 'Kingston upon Hull, City of', q: 'say "hi"' }])).toBe(
    'name,q\r\n"Kingston upon Hull, City of","say ""hi"""\r\n',
  );
});

test('text a spreadsheet would run as a formula gets a leading apostrophe, in every column', () => {
  const csv = toCsv([
    {
      label: '=HYPERLINK("http://evil.example","Click")',
      plus: '+SUM(1,2)',
      minus: '-2+3+cmd|" /C calc"!A0',
      at: '@SUM(A1)',
      tab: '\tTabbed',
      cr: '\rCarriage',
      source: { title: '=1+1' },
      list: ['=A1', 'b'],
    },
  ]);
  const cells = csv.split('\r\n')[1]!;
  expect(cells).toBe(
    [
      `"'=HYPERLINK(""http://evil.example"",""Click"")"`,
      `"'+SUM(1,2)"`,
      `"'-2+3+cmd|"" /C calc""!A0"`,
      `'@SUM(A1)`,
      `'\tTabbed`,
      `"'\rCarriage"`,
      `'=1+1`,
      `'=A1;b`,
    ].join(','),
  );
});

test('negative and signed numbers stay numbers, as numbers or as text', () => {
  expect(toCsv([{ a: -0.5, b: '-0.5', c: '+1.25', d: '-1e-3', e: -3, f: 'text - with dash' }])).toBe(
    'a,b,c,d,e,f\r\n-0.5,-0.5,+1.25,-1e-3,-3,text - with dash\r\n',
  );
});

test('csvCell leaves ordinary text and empty values alone', () => {
  expect([csvCell('Westminster'), csvCell(''), csvCell(null), csvCell(undefined), csvCell(0)]).toEqual([
    'Westminster',
    '',
    '',
    '',
    '0',
  ]);
});
