/**
 * Build-time access to the results folder written by `npm run results`. Pages call these at
 * build time only; the folder is `out/` unless RESULTS_DIR says otherwise. Each file is parsed
 * against its schema in the results contract, so a page never reads a shape it does not expect.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_FILES } from './resultFiles.ts';
import { parseResultsFile, type ResultsFile, type ResultsFileName } from '../lib/contracts/resultsSchemas.ts';

/** The folder the site reads results from. */
export const RESULTS_DIR = process.env.RESULTS_DIR ?? 'out';

/**
 * Whether the results folder has a file. Files from optional data folders (context.json from
 * data/context/) are absent when their folder is, and pages leave out what depends on them.
 */
export function hasResults(name: ResultsFileName): boolean {
  return existsSync(join(RESULTS_DIR, name));
}

/**
 * Reads a results file that exists only when its optional data folder does (context.json and
 * context-shares.json from data/context/), or `absent` when it does not.
 */
export function readOptionalResults<N extends ResultsFileName>(
  name: N,
  absent: ResultsFile<N>,
): ResultsFile<N> {
  return hasResults(name) ? readResults(name) : absent;
}

/** Reads and parses one results file, with a sentence if it is missing or does not match the contract. */
export function readResults<N extends ResultsFileName>(name: N): ResultsFile<N> {
  const path = join(RESULTS_DIR, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`The site needs ${path}; run \`npm run results\` first (${(e as Error).message})`, {
      cause: e,
    });
  }
  return parseResultsFile(name, text, path);
}

/**
 * Whether the data has published estimates or facts (data/published/). Without that optional
 * folder `npm run results` writes comparisons.json and facts.json empty, and pages say nothing of
 * published results.
 */
export function hasPublished(): boolean {
  return readResults('comparisons.json').length > 0 || readResults('facts.json').length > 0;
}

/** The results files data/published/ fills. */
const PUBLISHED_FILES: readonly string[] = ['comparisons', 'facts'];

/** The results files offered for download that this build has: those of absent optional data folders are left out. */
export function presentResultFiles(): (typeof RESULT_FILES)[number][] {
  const published = hasPublished();
  return RESULT_FILES.filter(
    (name) => hasResults(`${name}.json`) && (published || !PUBLISHED_FILES.includes(name)),
  );
}
