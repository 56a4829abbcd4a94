import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { root } from './helpers/runScript.ts';

// A generator, not one site: nothing under src/ that reaches a reader names the study evaluated,
// its authorities, its years or its published figures; those come from data/ and content/. This
// searches the code (comments stripped: they document, and never reach a page; tests and chart
// snapshots are left out: they check the code against the demonstration data) for the
// demonstration study's literals, read from its own data, so a new study's literals would be
// found the same way.

/**
 * Files that may still name the demonstration study, each with the reason. Keep it short: a file
 * leaves this list when its words move to content/.
 */
const ALLOWED: Record<string, string> = {
  'src/lib/demo/generate.ts':
    "the generator of SWIS's own synthetic demonstration data (npm run demo-data): calibrated to SWIS's published figures by design",
  'src/charts/chartExamples.ts':
    'fixed illustrative examples that the chart snapshot tests render; no page imports them',
  'src/lib/context/importContext.ts':
    "the import of DfE's published tables: their years and former authority codes are facts of the source files, not of a study",
  'src/lib/geo/englandTopology.ts':
    "the import of ONS boundaries: which former authorities (Cumbria, Northamptonshire) are unions of current ones is a fact of England's geography; the site reads it from data/geo/",
  'src/pages/authorities/[slug].astro':
    "the year 2018–19 in the note on DfE's published looked-after rates (a fact of the DfE source, issue 13 item 11)",
};

const csv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(root, path), 'utf8').trim(), { header: true }).data;
const trialCodes = csv('data/trial/schools.csv').map((r) => r['la_code']!);
const pilotCodes = csv('data/pilot/sites.csv').map((r) => r['la_code']!);
const codes = new Set([...trialCodes, ...pilotCodes]);
const names = csv('data/authorities.csv')
  .filter((r) => codes.has(r['la_code']!))
  .map((r) => r['la_name']!);
const published = csv('data/published/estimates.csv').flatMap((r) => [
  r['estimate']!,
  r['ci_low']!,
  r['ci_high']!,
]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LITERALS: { what: string; pattern: RegExp }[] = [
  { what: 'the programme', pattern: /\bSWIS\b|Social Workers in Schools/ },
  { what: 'a year', pattern: /\b(19[5-9]\d|20\d\d)\b/ },
  { what: 'a study authority', pattern: new RegExp(`\\b(${[...codes, ...names].map(escape).join('|')})\\b`) },
  {
    what: 'a published estimate',
    pattern: new RegExp(`(?<![\\d.])(${published.map(escape).join('|')})(?![\\d.])`),
  },
];

// Comments go; so do the SVG namespace (http://www.w3.org/2000/svg), the Children Act 1989 (a
// statute's name rather than a study's year) and the examples error messages give of a format
// ("such as 2023-03", "e.g. [E09000022]", "Write it as 2026-12-01").
const code = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:\w'"`])\/\/.*$/gm, '$1')
    .replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')
    .replace(/Children Act 1989/g, '')
    .replace(/(such as|e\.g\.|Write it as)\s+["`'[]*[^\s"`'\]]+(\s+for\s+\d{1,2}\s+\w+\s+\d{4})?/g, '');

const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  .filter(
    (d) =>
      d.isFile() &&
      /\.(ts|astro|css|mjs)$/.test(d.name) &&
      !d.name.endsWith('.test.ts') &&
      !d.parentPath.includes('__snapshots__'),
  )
  .map((d) => relative(root, join(d.parentPath, d.name)).split('\\').join('/'));

test('the literals searched for come from the demonstration data', () => {
  expect(names.length).toBeGreaterThan(0);
  expect(published.length).toBeGreaterThan(0);
});

test('no file under src/ names the study, its authorities, its years or its published figures', () => {
  const found: string[] = [];
  for (const file of sources) {
    if (file in ALLOWED) continue;
    const text = code(readFileSync(join(root, file), 'utf8'));
    for (const { what, pattern } of LITERALS) {
      const m = new RegExp(pattern.source, 'g').exec(text);
      if (m) found.push(`${file}: ${what} "${m[0]}"`);
    }
  }
  expect(found).toEqual([]);
});

test('every file on the allow-list exists and still needs to be there', () => {
  for (const file of Object.keys(ALLOWED)) {
    const text = code(readFileSync(join(root, file), 'utf8'));
    expect(
      LITERALS.some(({ pattern }) => pattern.test(text)),
      `${file} no longer names the study: take it off the list`,
    ).toBe(true);
  }
});
