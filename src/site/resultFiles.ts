import { hasResults } from './readResults.ts';

/** The results files offered for download on /data/, in the order listed there. */
export const RESULT_FILES = [
  'estimates',
  'comparisons',
  'facts',
  'rates',
  'changes',
  'context',
  'context-shares',
  'notes',
  'dataset',
  'manifest',
] as const;

/** The results files this build has: files from absent optional data folders are left out. */
export function presentResultFiles(): (typeof RESULT_FILES)[number][] {
  return RESULT_FILES.filter((name) => hasResults(`${name}.json`));
}
