import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from 'vitest';

// Every CSV a reader can download from the built site (scripts/test.mjs builds dist/ first): the
// files under /data/ and each figure's data, embedded in its page as a data: link.
const dist = join(import.meta.dirname, '..', 'dist');
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[];
const downloads: { where: string; csv: string }[] = [
  ...files
    .filter((f) => f.endsWith('.csv'))
    .map((f) => ({ where: f, csv: readFileSync(join(dist, f), 'utf8') })),
  ...files
    .filter((f) => f.endsWith('.html'))
    .flatMap((f) =>
      [...readFileSync(join(dist, f), 'utf8').matchAll(/href="data:text\/csv;charset=utf-8,([^"]*)"/g)].map(
        (m, i) => ({ where: `${f} figure ${i + 1}`, csv: decodeURIComponent(m[1]!.replace(/&amp;/g, '&')) }),
      ),
    ),
];

test('no CSV download in dist/ carries a live formula; numbers that start with a sign are numbers', () => {
  expect(downloads.filter((d) => !d.where.includes(' figure ')).length).toBeGreaterThan(5);
  expect(downloads.filter((d) => d.where.includes(' figure ')).length).toBeGreaterThan(5);
  const live: string[] = [];
  for (const { where, csv } of downloads)
    for (const row of Papa.parse<string[]>(csv, { skipEmptyLines: true }).data)
      for (const cell of row)
        if (/^[=+\-@\t\r]/.test(cell) && !/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cell))
          live.push(`${where}: ${JSON.stringify(cell)}`);
  expect(live).toEqual([]);
});
