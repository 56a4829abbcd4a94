/**
 * `npm run demo-releases -- [--releases data/releases] [--seed 20190101]`
 *
 * Seeds the releases folder with the two demonstration releases: the trial's 23-month follow-up
 * (release 2023-03) and its 35-month follow-up (release 2024-10), each made by the demo
 * generator into a scratch data folder (with the repository's authorities, context and
 * published estimates), computed by `npm run results`, and recorded by the release code. Same
 * seed, same bytes. Both are flagged synthetic and say so in their notes. Existing releases are
 * left alone (a release is never overwritten); remove them first to regenerate.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { recordRelease } from './lib/recordRelease.ts';

/** The demonstration releases, oldest first. Dates are when each follow-up was reported. */
export const DEMO_RELEASES = [
  {
    version: '2023-03',
    date: '2023-03-30',
    followUpMonths: 23,
    note: 'Synthetic demonstration data, not real school records: trial social care, attendance and attainment outcomes at the 23-month follow-up (to July 2022), and the pilot.',
  },
  {
    version: '2024-10',
    date: '2024-10-01',
    followUpMonths: 35,
    note: 'Synthetic demonstration data, not real school records: trial social care, attendance and attainment outcomes extended to the 35-month follow-up (to July 2023).',
  },
] as const;

/** The la-statistics measures added to the context table after the demonstration releases were made. */
const MEASURES_ADDED_SINCE = [
  'cla_starts_rate_published',
  'overall_absence_percent',
  'sessions_missed',
  'sessions_possible',
];

const { values: args } = parseArgs({
  options: {
    releases: { type: 'string', default: 'data/releases' },
    data: { type: 'string', default: 'data' },
    seed: { type: 'string', default: '20190101' },
  },
});

const run = (script: string, argv: string[]) => {
  const r = spawnSync(process.execPath, ['--experimental-strip-types', join('scripts', script), ...argv], {
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.error(r.stdout, r.stderr);
    throw new Error(`demo-releases: ${script} ${argv.join(' ')} failed`);
  }
};

for (const demo of DEMO_RELEASES) {
  if (existsSync(join(args.releases, demo.version))) {
    console.log(`demo-releases: ${args.releases}/${demo.version} exists; left as it is`);
    continue;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'swis-demo-release-'));
  try {
    const data = join(scratch, 'data');
    const out = join(scratch, 'out');
    for (const part of ['authorities.csv', 'context', 'published']) {
      if (existsSync(join(args.data, part)))
        cpSync(join(args.data, part), join(data, part), { recursive: true });
    }
    // These releases were made before la-statistics.csv kept DfE's published 2017-18 rates
    // (cla_starts_rate_published) and authority absence; without those rows the file is as it
    // was then.
    const statistics = join(data, 'context', 'la-statistics.csv');
    if (existsSync(statistics))
      writeFileSync(
        statistics,
        readFileSync(statistics, 'utf8')
          .split('\n')
          .filter((line) => !MEASURES_ADDED_SINCE.some((m) => line.includes(`,${m},`)))
          .join('\n'),
      );
    // These releases were made before context/measures.csv (each measure's label and direction)
    // existed; without it, dataset.json is as it was then.
    rmSync(join(data, 'context', 'measures.csv'), { force: true });
    run('demo-data.ts', [
      '--data',
      data,
      '--seed',
      args.seed,
      '--follow-up-months',
      String(demo.followUpMonths),
      // The demonstration releases were recorded before dataset.csv had extracted_month; left
      // out, they regenerate byte for byte.
      '--extracted-month',
      'none',
      // These releases were made before outcomes.csv had a band of little or no difference.
      '--no-difference-band',
      'none',
    ]);
    run('results.ts', ['--data', data, '--out', out]);
    const r = recordRelease({ ...demo, resultsDir: out, releasesDir: args.releases, dataDir: data });
    console.log(`demo-releases: recorded ${r.version} (${demo.followUpMonths}-month follow-up, synthetic)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
