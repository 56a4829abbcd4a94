/**
 * Where a command's lines go: what it did (and any warnings) to `log`, problems to `error`. From a
 * terminal these are the console's two streams; tests pass an in-memory sink to run the command's
 * main in-process, as they do the results command's richer effects (scripts/results.ts).
 */
export interface ConsoleEffects {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** The effects of a command run from a terminal. */
export const consoleEffects: ConsoleEffects = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
};
