/**
 * `npm run release -- --version 2023-03 --note "…" [--date 2023-03-30] [--results out]
 *  [--releases data/releases] [--data data]
 *  [--kind update|correction --reason "…" --conclusions-changed yes|no [--affects trial,pilot]]
 *  [--draft | --embargo YYYY-MM-DD]`
 *
 * --draft archives the release without publishing it, --embargo until a day (the site leaves it
 * out until a build's PUBLISH_DATE reaches that day); remove the line from its release.json to
 * publish a draft.
 *
 * --kind records why the release exists: a scheduled update (new follow-up, new outcome) or a
 * correction, with a sentence of reason and whether the conclusions changed. A correction puts a
 * notice on every findings page it affects (--affects, default every study in the results) and an
 * item in the RSS feed.
 *
 * Records the current results (estimates, rates, summaries where the results have them, dataset,
 * manifest) as release <version> under data/releases/. Refuses an invalid version, an existing version, or results that do not come
 * from the current data. The date is today's (UTC) unless --date says otherwise; it is stored in
 * the release, so building the site never reads the clock.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReleaseChange } from '../src/lib/releases/releaseRecord.ts';
import { consoleEffects, type ConsoleEffects } from './lib/consoleEffects.ts';
import { recordRelease, ReleaseError } from './lib/recordRelease.ts';
import { invokedAsScript } from './lib/invokedAsScript.ts';

const USAGE =
  'usage: npm run release -- --version YYYY-MM --note "what this release is" [--date YYYY-MM-DD] [--results out] [--releases data/releases] [--data data] [--kind update|correction --reason "why" --conclusions-changed yes|no [--affects trial,pilot]] [--draft | --embargo YYYY-MM-DD]';

const KINDS: Record<string, ReleaseChange['kind']> = { update: 'scheduled_update', correction: 'correction' };

/** The typed change from the options, or a sentence saying what is wrong with them. */
function changeFrom(
  a: { kind?: string; reason?: string; 'conclusions-changed'?: string; affects?: string },
  results: string,
): ReleaseChange | undefined | string {
  if (a.kind === undefined) {
    const stray = (['reason', 'conclusions-changed', 'affects'] as const).filter((k) => a[k] !== undefined);
    return stray.length > 0 ? `--${stray[0]} needs --kind update or --kind correction` : undefined;
  }
  const kind = KINDS[a.kind];
  if (!kind) return `--kind: expected "update" or "correction", found "${a.kind}"`;
  if (!a.reason?.trim())
    return '--reason: expected a sentence saying why this release was made, found nothing';
  const changed = a['conclusions-changed'];
  if (changed !== 'yes' && changed !== 'no')
    return `--conclusions-changed: expected "yes" or "no", found ${changed === undefined ? 'nothing' : `"${changed}"`}`;
  let affects = a.affects
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!affects || affects.length === 0) {
    try {
      const estimates = JSON.parse(readFileSync(join(results, 'estimates.json'), 'utf8')) as {
        study: string;
      }[];
      affects = [...new Set(estimates.map((e) => e.study))].sort();
    } catch {
      affects = [];
    }
  }
  return { kind, reason: a.reason.trim(), conclusionsChanged: changed === 'yes', affects };
}

/**
 * Runs the command with `argv` (the arguments after the script name) and returns its exit code.
 * Exported so tests can run it in-process with an in-memory `effects`.
 */
export function main(argv: readonly string[], effects: ConsoleEffects = consoleEffects): number {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        version: { type: 'string' },
        note: { type: 'string' },
        date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
        results: { type: 'string', default: process.env.RESULTS_DIR ?? 'out' },
        releases: { type: 'string', default: 'data/releases' },
        data: { type: 'string', default: 'data' },
        kind: { type: 'string' },
        reason: { type: 'string' },
        'conclusions-changed': { type: 'string' },
        affects: { type: 'string' },
        draft: { type: 'boolean', default: false },
        embargo: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    effects.error(`release: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    effects.log(USAGE);
    return 0;
  }
  if (args.version === undefined || args.note === undefined) {
    effects.error(`release: --version and --note are both required\n${USAGE}`);
    return 2;
  }
  const change = changeFrom(args, args.results);
  if (typeof change === 'string') {
    effects.error(`release: ${change}\n${USAGE}`);
    return 2;
  }
  try {
    const r = recordRelease({
      ...(change ? { change } : {}),
      ...(args.draft ? { draft: true } : {}),
      ...(args.embargo !== undefined ? { embargo: args.embargo } : {}),
      version: args.version,
      note: args.note,
      date: args.date,
      resultsDir: args.results,
      releasesDir: args.releases,
      dataDir: args.data,
    });
    effects.log(
      `release: recorded ${r.version} (${r.date}${r.synthetic ? ', synthetic demonstration data' : ''}) in ${args.releases}/${r.version}: ${r.files.map((f) => f.name).join(', ')}, release.json`,
    );
    return 0;
  } catch (e) {
    if (e instanceof ReleaseError) {
      effects.error(`release: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (invokedAsScript(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
