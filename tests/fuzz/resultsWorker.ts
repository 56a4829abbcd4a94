// Runs the real results command in a worker thread, so that a case which hangs can be stopped
// (terminating the worker) without stopping the test process. Loaded by Node itself, not Vite.
import { parentPort } from 'node:worker_threads';
import { main, nodeEffects } from '../../scripts/results.ts';

parentPort!.on('message', (message: { id: number; argv: string[] }) => {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let code: number | null = null;
  let thrown: string | null = null;
  try {
    code = main(message.argv, {
      ...nodeEffects,
      log: (l) => stdout.push(l),
      error: (l) => stderr.push(l),
    });
  } catch (e) {
    thrown = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  parentPort!.postMessage({
    id: message.id,
    code,
    stdout: stdout.join('\n'),
    stderr: stderr.join('\n'),
    thrown,
  });
});
