// The leading underscore keeps Astro from routing this file as a page of the site.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, expect, test } from 'vitest';
import { stableJson } from '../../lib/contracts/stableJson.ts';
import { RESULT_FILES } from '../../site/resultFiles.ts';

// The /data/ downloads made from a results folder (valid by the results contract) whose every
// text field is a formula a spreadsheet would run, and whose numbers include a negative one.
const link = '=HYPERLINK("http://evil.example","Click")';
const sum = '@SUM(A1)';
const files: Record<(typeof RESULT_FILES)[number], unknown> = {
  estimates: [
    {
      study: 'trial',
      outcome: link,
      scope: sum,
      analysis: 'adjusted',
      model: 'poisson',
      estimate: -0.5,
      ciLow: -0.5,
      ciHigh: 1,
      pValue: 0.5,
      schools: 3,
    },
  ],
  comparisons: [
    {
      study: 'trial',
      outcome: '+s47',
      scope: '-overall',
      analysis: 'adjusted',
      followUpMonths: null,
      published: { estimate: -0.5, ciLow: 0, ciHigh: 1, sourceTitle: link, sourceUrl: sum },
      computed: null,
      computedInsidePublishedInterval: null,
    },
  ],
  summaries: [
    {
      study: 'trial',
      kind: 'score',
      outcome: link,
      scope: sum,
      group: 'swis',
      period: 'followup',
      schools: 3,
      mean: -0.5,
      ciLow: -1,
      ciHigh: 'c',
    },
  ],
  facts: [{ fact: '+fact', value: 0.5, unit: 'count', label: link, sourceTitle: sum, sourceUrl: null }],
  rates: [
    {
      study: 'pilot',
      outcome: link,
      scope: sum,
      group: '+swis',
      period: '-pre',
      schools: 3,
      pupilYears: -0.5,
      count: 'c',
      ratePer1000: 'c',
      ciLow: 'c',
      ciHigh: 'c',
    },
  ],
  changes: [
    {
      study: 'pilot',
      outcome: link,
      scope: sum,
      group: '+swis',
      from: '-pre',
      to: '=post',
      rateBefore: 'c',
      rateAfter: -0.5,
      change: 'c',
    },
  ],
  context: [
    {
      laCode: link,
      year: 2020,
      measure: 'referrals',
      value: -0.5,
      symbol: null,
      ratePer10k: null,
      children: null,
    },
  ],
  // DfE's own symbol "-" (not applicable or suppressed) is text a spreadsheet would read as a formula.
  'context-shares': [
    { laCode: sum, year: 2020, measure: 'school_referral_percent', percent: -0.5, symbol: null },
    { laCode: 'E92000001', year: 2021, measure: 'school_referral_percent', percent: null, symbol: '-' },
  ],
  notes: [
    { study: 'trial', outcome: link, scope: sum, analysis: 'did', kind: 'not_estimable', reason: '+why' },
  ],
  dataset: {
    name: null,
    description: null,
    synthetic: true,
    disclosureThreshold: 9,
    authorities: [],
    outcomes: [],
    trial: null,
    pilot: null,
  },
  manifest: { inputs: [], outputs: [] },
};
const dir = mkdtempSync(join(tmpdir(), 'swis-csv-formulas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const name of RESULT_FILES) writeFileSync(join(dir, `${name}.json`), stableJson(files[name]));
process.env.RESULTS_DIR = dir;
const { getStaticPaths } = await import('./[file].ts');

test('no CSV download on /data/ carries a live formula, and numbers stay numbers', () => {
  const csvs = getStaticPaths().filter((p) => p.params.file.endsWith('.csv'));
  expect(csvs.length).toBe(RESULT_FILES.length - 2);
  for (const { params, props } of csvs) {
    const [, ...rows] = Papa.parse<string[]>(props.body.trim()).data;
    const cells = rows.flat();
    const live = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
    expect(live, params.file).toEqual([]);
    expect(cells.filter((c) => c.startsWith("'")).length, params.file).toBeGreaterThan(0);
  }
  const downloads = new Map(csvs.map((p) => [p.params.file, p.props.body]));
  expect(downloads.get('estimates.csv')).toContain(`'=HYPERLINK(""http://evil.example"",""Click"")`);
  expect(downloads.get('rates.csv')).toContain(',-0.5,');
  expect(downloads.get('context-shares.csv')).toContain(",'-,");
});
