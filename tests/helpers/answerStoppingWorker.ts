/**
 * Run as a script (`node --experimental-strip-types answerStoppingWorker.ts HOW [--loop-first]`):
 * starts stoppingWorker.ts told to stop HOW, waits for its answer and prints it; an error if it
 * stopped. With `--loop-first`, this thread's event loop runs until the worker has exited before
 * the wait begins, so the worker's end is heard as events first (the worker is seen through
 * Node's `worker_threads` diagnostics channel). A script file, not `--eval`: a worker inherits
 * its process's options, and a worker given `--eval`'s options does not start.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { Worker } from 'node:worker_threads';
import { startBlockingWorker } from '../../src/lib/threads/blockingWorker.ts';
import type { HowToStop } from './stoppingWorker.ts';

const started: Worker[] = [];
subscribe('worker_threads', (message) => started.push((message as { worker: Worker }).worker));
const worker = startBlockingWorker(
  new URL('./stoppingWorker.ts', import.meta.url),
  process.argv[2] as HowToStop,
);
if (process.argv[3] === '--loop-first') {
  // The worker does not keep a process running by itself (blockingWorker.ts): waiting for its
  // events, this thread keeps it referenced.
  started[0]!.ref();
  await new Promise((resolve) => started[0]!.on('exit', resolve)); // not events.once: it rejects on 'error'
  await new Promise((resolve) => setImmediate(resolve)); // and the closing of this thread's port
}
console.log(JSON.stringify(worker.answer()));
