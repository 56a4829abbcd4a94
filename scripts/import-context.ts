/**
 * Imports DfE/ONS published children's social care statistics into the project's data folder.
 *
 *   npm run import-context -- [--real ../shared/data/real] [--data data]
 *                             [--fixture tests/fixtures/dfe-published-rates.csv]
 *                             [--absence-fixture tests/fixtures/dfe-published-absence.csv]
 *
 * Writes data/authorities.csv, data/context/la-statistics.csv (social care measures, and
 * authority absence from DfE's pupil absence release), and the fixtures of DfE's published rates
 * and termly absence that the tests compare with (each whole: scripts/lib/writeWhole.ts),
 * and prints one line per output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { buildContext } from '../src/lib/context/importContext.ts';
import type { ContextSources, Row } from '../src/lib/context/importContext.ts';
import { writeWhole } from './lib/writeWhole.ts';

/** The command's options, by Node's own parser (unknown or valueless options are errors). */
function options(argv: string[]): {
  real: string;
  data: string;
  fixture: string;
  'absence-fixture': string;
} {
  return parseArgs({
    args: argv,
    options: {
      real: { type: 'string', default: '../shared/data/real' },
      data: { type: 'string', default: 'data' },
      fixture: { type: 'string', default: 'tests/fixtures/dfe-published-rates.csv' },
      'absence-fixture': { type: 'string', default: 'tests/fixtures/dfe-published-absence.csv' },
    },
  }).values;
}

function readCsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${path}:${(e?.row ?? 0) + 2}: ${e?.message ?? 'parse error'}`);
  }
  return parsed.data;
}

function toCsv(columns: string[], rows: object[]): string {
  return (
    Papa.unparse(
      { fields: columns, data: rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])) },
      { newline: '\n' },
    ) + '\n'
  );
}

function main(): void {
  const opts = options(process.argv.slice(2));
  const r = (name: string): Row[] => {
    const path = join(opts.real, name);
    if (!existsSync(path)) {
      throw new Error(
        `${path}: expected the published DfE/ONS file here, found nothing. Pass --real <folder> pointing at the originals (see data/README.md, "Sources and licence").`,
      );
    }
    return readCsv(path);
  };
  const sources: ContextSources = {
    b1: r('b1_children_in_need_2013_to_2025.csv'),
    c1: r('c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'),
    c4: r('c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv'),
    d3: r('d3_cpps_subsequent_plan_2013_to_2025.csv'),
    cla: r('cla_number_and_rate_per_10k_children.csv'),
    cla2023: r('cla_release_2023/cla_number_and_rate_per_10k_children.csv'),
    lait: r('lait_bds_long_csc_extract.csv'),
    ons: r('ons_mid-year_population_estimates_2012_to_2024.csv'),
    absence: r('absence_2024-25_autumn_spring/Absence_2term_nat_reg_la_termly.csv'),
  };
  const out = buildContext(sources);
  const outputs: [string, string[], object[]][] = [
    [join(opts.data, 'authorities.csv'), ['la_code', 'la_name', 'region'], out.authorities],
    [
      join(opts.data, 'context', 'la-statistics.csv'),
      ['la_code', 'year', 'measure', 'value'],
      out.statistics,
    ],
    [
      opts.fixture,
      ['la_code', 'year', 'measure', 'published_rate', 'decimals', 'source'],
      out.publishedRates,
    ],
    [
      opts['absence-fixture'],
      ['la_code', 'time_period', 'term', 'sessions_missed', 'sessions_possible', 'published_percent'],
      out.publishedAbsence,
    ],
  ];
  for (const [path, columns, rows] of outputs) {
    writeWhole(path, toCsv(columns, rows));
    console.log(`${path}: ${rows.length} rows`);
  }
}

try {
  main();
} catch (err) {
  console.error(`import-context: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
