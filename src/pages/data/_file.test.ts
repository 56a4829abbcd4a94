// The leading underscore keeps Astro from routing this file as a page of the site.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, expect, test } from 'vitest';
import { RESULT_FILES } from '../../site/resultFiles.ts';

// The /data/ downloads made from a results folder whose labels and source titles are formulas.
const dir = mkdtempSync(join(tmpdir(), 'swis-csv-formulas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hostile = { label: '=HYPERLINK("http://evil.example","Click")', source_title: '@SUM(A1)', value: -0.5 };
for (const name of RESULT_FILES)
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify(name === 'dataset' || name === 'manifest' ? {} : [{ ...hostile, note: `+${name}` }]),
  );
process.env.RESULTS_DIR = dir;
const { getStaticPaths } = await import('./[file].ts');

test('no CSV download on /data/ carries a live formula, and numbers stay numbers', () => {
  const csvs = getStaticPaths().filter((p) => p.params.file.endsWith('.csv'));
  expect(csvs.length).toBe(RESULT_FILES.length - 2);
  for (const { params, props } of csvs) {
    const [header, row] = Papa.parse<string[]>(props.body.trim()).data;
    const cells = Object.fromEntries(header!.map((h, i) => [h, row![i]]));
    expect(cells, params.file).toEqual({
      label: `'=HYPERLINK("http://evil.example","Click")`,
      source_title: "'@SUM(A1)",
      value: '-0.5',
      note: `'+${params.file.replace(/\.csv$/, '')}`,
    });
  }
});
