import type { ConsoleEffects } from '../../scripts/lib/consoleEffects.ts';

/**
 * Runs a command's main in this process with an in-memory sink for its lines, and returns what a
 * run of the command in its own process would: its exit code and its two streams, each line ended
 * by a newline as the console ends it. `run` calls the main with `sink` as its log and error
 * effects (`main(argv, sink)`, or `main(argv, { ...nodeEffects, ...sink })` for the results
 * command's richer effects). Tests keep a few cases of each command in a real process
 * (runScript) so its exit codes and streams stay covered.
 */
export function inProcess(run: (sink: ConsoleEffects) => number): {
  status: number;
  stdout: string;
  stderr: string;
} {
  let stdout = '';
  let stderr = '';
  const status = run({ log: (line) => (stdout += `${line}\n`), error: (line) => (stderr += `${line}\n`) });
  return { status, stdout, stderr };
}
