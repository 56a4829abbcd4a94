/** The results files offered for download on /data/, in the order listed there. */
export const RESULT_FILES = [
  'estimates',
  'comparisons',
  'facts',
  'rates',
  'changes',
  'summaries',
  'context',
  'context-shares',
  'notes',
  'dataset',
  'manifest',
] as const;
