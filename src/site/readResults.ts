/**
 * Build-time access to the results folder written by `npm run results`. Pages call these at
 * build time only; the folder is `out/` unless RESULTS_DIR says otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_FILES } from './resultFiles.ts';

/** The folder the site reads results from. */
export const RESULTS_DIR = process.env.RESULTS_DIR ?? 'out';

/**
 * Whether the results folder has a file. Files from optional data folders (context.json from
 * data/context/) are absent when their folder is, and pages leave out what depends on them.
 */
export function hasResults(name: string): boolean {
  return existsSync(join(RESULTS_DIR, name));
}

/** Reads and parses one results file, with a sentence if it is missing. */
export function readResults<T>(name: string): T {
  const path = join(RESULTS_DIR, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new Error(`The site needs ${path}; run \`npm run results\` first (${(e as Error).message})`, {
      cause: e,
    });
  }
}

/**
 * The results files this build has, in RESULT_FILES order: some are written only when the data
 * call for them (summaries.json only for a trial with absence or score outcomes).
 */
export function availableResultFiles(): (typeof RESULT_FILES)[number][] {
  return RESULT_FILES.filter((name) => existsSync(join(RESULTS_DIR, `${name}.json`)));
}
