import { RESULTS_SCHEMAS, type ResultsFileName } from '../lib/contracts/resultsSchemas.ts';

/** A results file's name without `.json`, as its download address names it: `estimates`. */
export type ResultName = ResultsFileName extends `${infer B}.json` ? B : never;

/** The results files offered for download on /data/, in the order listed there: the contract's. */
export const RESULT_FILES = Object.keys(RESULTS_SCHEMAS).map((f) => f.replace(/\.json$/, '')) as ResultName[];
