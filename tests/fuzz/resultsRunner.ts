import { Worker } from 'node:worker_threads';

/** What one in-process run of the results command did. */
export type RunOutcome =
  | { kind: 'exited'; code: number; stdout: string; stderr: string }
  | { kind: 'threw'; error: string }
  | { kind: 'timed-out' };

/**
 * Runs `main(argv)` of scripts/results.ts in a long-lived worker thread. A run that takes longer
 * than `timeoutMs` is a hang: the worker is terminated (and replaced on the next run) and the
 * outcome is `timed-out`. An exception escaping main is `threw`, with its stack.
 */
export class ResultsRunner {
  private worker: Worker | null = null;
  private nextId = 0;

  run(argv: string[], timeoutMs: number): Promise<RunOutcome> {
    const worker = (this.worker ??= new Worker(new URL('./resultsWorker.ts', import.meta.url)));
    const id = this.nextId++;
    return new Promise((resolve) => {
      const done = (outcome: RunOutcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(outcome);
      };
      const onMessage = (m: {
        id: number;
        code: number | null;
        stdout: string;
        stderr: string;
        thrown: string | null;
      }) => {
        if (m.id !== id) return;
        done(
          m.thrown !== null
            ? { kind: 'threw', error: m.thrown }
            : { kind: 'exited', code: m.code!, stdout: m.stdout, stderr: m.stderr },
        );
      };
      const onError = (e: Error) => {
        this.worker = null;
        done({ kind: 'threw', error: e.stack ?? e.message });
      };
      const timer = setTimeout(() => {
        this.worker = null;
        void worker.terminate();
        done({ kind: 'timed-out' });
      }, timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ id, argv });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
