/**
 * `npm run release -- --version 2023-03 --note "…" [--date 2023-03-30] [--results out]
 *  [--releases data/releases] [--data data]`
 *
 * Records the current results (estimates, rates, manifest) as release <version> under
 * data/releases/. Refuses an invalid version, an existing version, or results that do not come
 * from the current data. The date is today's (UTC) unless --date says otherwise; it is stored in
 * the release, so building the site never reads the clock.
 */
import { parseArgs } from 'node:util';
import { recordRelease, ReleaseError } from './lib/recordRelease.ts';

const USAGE =
  'usage: npm run release -- --version YYYY-MM --note "what this release is" [--date YYYY-MM-DD] [--results out] [--releases data/releases] [--data data]';

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        version: { type: 'string' },
        note: { type: 'string' },
        date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
        results: { type: 'string', default: process.env.RESULTS_DIR ?? 'out' },
        releases: { type: 'string', default: 'data/releases' },
        data: { type: 'string', default: 'data' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`release: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.version === undefined || args.note === undefined) {
    console.error(`release: --version and --note are both required\n${USAGE}`);
    return 2;
  }
  try {
    const r = recordRelease({
      version: args.version,
      note: args.note,
      date: args.date,
      resultsDir: args.results,
      releasesDir: args.releases,
      dataDir: args.data,
    });
    console.log(
      `release: recorded ${r.version} (${r.date}${r.synthetic ? ', synthetic demonstration data' : ''}) in ${args.releases}/${r.version}: ${r.files.map((f) => f.name).join(', ')}, release.json`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ReleaseError) {
      console.error(`release: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main();
