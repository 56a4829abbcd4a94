import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { dfeRound } from '../lib/context/ratePer10k.ts';
import { parseCsvFile } from '../lib/data/parseCsv.ts';
import { ENGLAND_CODE, laStatisticSchema } from '../lib/data/schemas.ts';
import { contextRates } from '../lib/results/contextRates.ts';
import { publishedRateDifferences } from './publishedRateDifferences.ts';

const root = join(import.meta.dirname, '../..');

// DfE published its 2017-18 rates of children starting to be looked after (LAIT, from an earlier
// "Children looked after" release) divided by the population estimates of that time; the ONS
// estimates in today's DfE files differ, so recomputed rates round differently for 69 of 149
// authorities. The import keeps DfE's published rate beside the count (la-statistics.csv,
// cla_starts_rate_published) and the authority pages show both where they differ.
test("2017-18 starts to be looked after: every authority's published rate is kept, and those the site cannot reproduce are the ones it says differ", () => {
  const stats = parseCsvFile(
    'la-statistics.csv',
    readFileSync(join(root, 'data/context/la-statistics.csv'), 'utf8'),
    laStatisticSchema,
  );
  const rows = contextRates(stats.rows).filter((r) => r.measure === 'cla_starts' && r.year === 2018);
  const withPublished = rows.filter((r) => r.publishedRatePer10k !== undefined && r.ratePer10k !== null);
  // Every authority with a count and a population for 2017-18 has DfE's published rate beside it.
  expect(withPublished.length).toBe(rows.filter((r) => r.ratePer10k !== null).length);
  expect(withPublished.length).toBe(150);
  const differ = publishedRateDifferences(rows);
  for (const r of withPublished) {
    const listed = differ.some((d) => d.laCode === r.laCode);
    expect(listed, r.laCode).toBe(dfeRound(r.ratePer10k!) !== r.publishedRatePer10k);
  }
  expect(differ.filter((d) => d.laCode !== ENGLAND_CODE)).toHaveLength(69);
  const bexley = differ.find((d) => d.laCode === 'E09000004');
  expect(bexley?.publishedRatePer10k).toBe(22);
  expect(bexley?.ratePer10k).toBeCloseTo((127 * 10000) / 56307, 10);
  // From 2018-19, DfE's own files give every rate with today's estimates: nothing differs.
  expect(publishedRateDifferences(contextRates(stats.rows).filter((r) => r.year > 2018))).toEqual([]);
});
