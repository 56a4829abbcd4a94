/**
 * The worker thread of `runModelJobs` (modelJobs.ts): takes one batch of model jobs from its
 * port, fits them in order and answers with their outcomes (or the error), then sets the shared
 * signal so the waiting thread wakes.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runModelJobsHere, WORKER_SIGNALS } from './modelJobs.ts';
import type { ModelJob } from './modelJobs.ts';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

const signalAs = (value: number): void => {
  Atomics.store(signal, 0, value);
  Atomics.notify(signal, 0);
};

port.once('message', (jobs: ModelJob[]) => {
  try {
    port.postMessage({ outcomes: runModelJobsHere(jobs) });
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  signalAs(WORKER_SIGNALS.DONE);
  port.close();
});
signalAs(WORKER_SIGNALS.READY);
