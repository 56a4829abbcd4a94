// Writes the synthetic demonstration data set into the data folder.
//   npm run demo-data -- [--seed 20190101] [--data data] [--follow-up-months 23]
//     [--no-difference-band 10|none] [--extracted-month YYYY-MM|none] [--no-education]
// --no-education leaves out attendance and attainment (the files are then as before outcome kinds).
// Reads data/authorities.csv (to take each trial authority's code as that file spells it, e.g.
// Somerset) and data/context/la-statistics.csv (authority rates) when present; without them it
// uses the built-in codes and documented fallback rates, and says so. Each file is written whole
// (scripts/lib/writeWhole.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DEFAULT_SEED, demoCsvFiles, generateDemoData, TRIAL_AUTHORITIES } from '../src/lib/demo/generate.ts';
import type { ContextRow } from '../src/lib/demo/rates.ts';
import { writeWhole } from './lib/writeWhole.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return parsed.data;
}

const seedText = arg('seed') ?? String(DEFAULT_SEED);
const seed = Number(seedText);
if (!Number.isInteger(seed)) {
  console.error(`demo-data: --seed must be an integer, found "${seedText}"`);
  process.exit(1);
}
const dataDir = arg('data') ?? 'data';
const followUpText = arg('follow-up-months') ?? '23';
const followUpMonths = Number(followUpText);
if (!Number.isInteger(followUpMonths) || followUpMonths < 1 || followUpMonths > 60) {
  console.error(`demo-data: --follow-up-months must be a whole number from 1 to 60, found "${followUpText}"`);
  process.exit(1);
}

// The band of little or no difference (% change in the rate); "none" leaves the column out.
const bandText = arg('no-difference-band') ?? '10';
const noDifferenceBand = bandText === 'none' ? null : Number(bandText);
if (noDifferenceBand !== null && !(noDifferenceBand > 0 && noDifferenceBand < 100)) {
  console.error(
    `demo-data: --no-difference-band must be a percentage above 0 and below 100, or "none", found "${bandText}"`,
  );
  process.exit(1);
}

// Trial authority codes: as spelled in data/authorities.csv, matched by name.
const trialCodes: Record<string, string> = {};
const authPath = join(dataDir, 'authorities.csv');
if (existsSync(authPath)) {
  const rows = readCsv(authPath);
  const norm = (s: string) => s.toLowerCase().replace(/,.*$/, '').trim();
  for (const a of TRIAL_AUTHORITIES) {
    const byCode = rows.find((r) => r['la_code'] === a.la_code);
    const byName = rows.filter((r) => norm(r['la_name'] ?? '') === norm(a.la_name));
    if (byCode && norm(byCode['la_name'] ?? '') === norm(a.la_name)) continue;
    if (byName.length === 1 && byName[0]?.['la_code']) {
      trialCodes[a.la_name] = byName[0]['la_code'];
      console.warn(`demo-data: ${a.la_name} uses ${byName[0]['la_code']} from ${authPath}`);
    } else {
      console.warn(`demo-data: ${a.la_name} (${a.la_code}) not found in ${authPath}`);
    }
  }
} else {
  console.warn(`demo-data: ${authPath} absent; using built-in authority codes`);
}

const contextPath = join(dataDir, 'context', 'la-statistics.csv');
let context: ContextRow[] = [];
if (existsSync(contextPath)) {
  context = readCsv(contextPath).map((r) => ({
    la_code: r['la_code'] ?? '',
    year: r['year'] ?? '',
    measure: r['measure'] ?? '',
    value: r['value'] ?? '',
  }));
} else {
  console.warn(`demo-data: ${contextPath} absent; using fallback England rates`);
}

// --extracted-month YYYY-MM sets dataset.csv's extracted_month; "none" leaves the column out.
const extractedText = arg('extracted-month');
if (
  extractedText !== undefined &&
  extractedText !== 'none' &&
  !/^\d{4}-(0[1-9]|1[0-2])$/.test(extractedText)
) {
  console.error(
    `demo-data: --extracted-month must be a month written YYYY-MM or "none", found "${extractedText}"`,
  );
  process.exit(1);
}
const extractedMonth =
  extractedText === undefined ? undefined : extractedText === 'none' ? null : extractedText;
const data = generateDemoData({
  seed,
  context,
  trialCodes,
  followUpMonths,
  noDifferenceBand,
  extractedMonth,
  education: !process.argv.includes('--no-education'),
});
const fallbacks = Object.entries(data.rateSources).flatMap(([who, src]) =>
  Object.entries(src)
    .filter(([, s]) => s !== 'authority')
    .map(([o, s]) => `${who} ${o}: ${s}`),
);
if (fallbacks.length > 0) {
  const shown = fallbacks.slice(0, 8).join('; ');
  const more = fallbacks.length > 8 ? `; and ${fallbacks.length - 8} more` : '';
  console.warn(`demo-data: ${fallbacks.length} rates not from the authority's own figures: ${shown}${more}`);
}

for (const f of demoCsvFiles(data)) {
  const target = join(dataDir, f.path);
  writeWhole(target, f.text);
  console.log(`${target} ${f.rows}`);
}
