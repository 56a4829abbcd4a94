/**
 * Build-time access to the results folder written by `npm run results`. Pages call these at
 * build time only; the folder is `out/` unless RESULTS_DIR says otherwise. Each file is parsed
 * against its schema in the results contract, so a page never reads a shape it does not expect.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResultsFile, type ResultsFile, type ResultsFileName } from '../lib/contracts/resultsSchemas.ts';

/** The folder the site reads results from. */
export const RESULTS_DIR = process.env.RESULTS_DIR ?? 'out';

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
