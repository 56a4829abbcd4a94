/**
 * A problem found in a data file: where it is, what was expected and what was found.
 * `line` is the physical 1-based line in the file (the header is line 1), or null when the
 * problem is about the file as a whole (a missing or empty file).
 */
export type Problem = {
  file: string;
  line: number | null;
  column?: string;
  expected: string;
  found: string;
  message: string;
  hint?: string;
};

/** The parts of a problem from which its message is built. */
export type ProblemParts = Omit<Problem, 'message'>;

/**
 * Builds a problem with its sentence, e.g.
 * `data/trial/schools.csv:14: column "pupils": expected a whole number greater than 0, found "-3".`
 */
export function makeProblem(parts: ProblemParts): Problem {
  const where = parts.line === null ? parts.file : `${parts.file}:${parts.line}`;
  // A column name comes from the file, so it is quoted like any found value: one line, escaped.
  const column = parts.column === undefined ? '' : ` column ${quoteValue(parts.column)}:`;
  const hint = parts.hint === undefined ? '' : ` ${parts.hint}`;
  const message = `${where}:${column} expected ${parts.expected}, found ${parts.found}.${hint}`;
  const problem: Problem = { ...parts, message };
  return problem;
}

/** Formats a problem as the one-line sentence a researcher reads. */
export function formatProblem(problem: Problem): string {
  return problem.message;
}

/** The longest value quoted in full; longer ones are cut, so one message stays one short line. */
const MAX_QUOTED = 60;

/**
 * Quotes a cell value for a message, making invisible values visible: JSON escapes keep line
 * breaks and control characters on one line, and a long value is cut with its length given.
 */
export function quoteValue(value: string): string {
  if (value === '') return 'an empty cell';
  if (value.length <= MAX_QUOTED) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, MAX_QUOTED))}… (${value.length} characters)`;
}

/** Sorts problems by file, then line, keeping the order of equal ones. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compare(a.p.file, b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
