/**
 * A worker thread that takes one message and gives one answer, waited for without a promise:
 * the caller posts the work, does its own share meanwhile, then blocks (Atomics.wait) until the
 * answer is in (receiveMessageOnPort). So the code that uses a second core stays synchronous, as
 * the results pipeline is, and nothing that calls it has to become asynchronous.
 *
 * The worker's module calls {@link serveOnce} with the function that does its work.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import type { MessagePort, Transferable } from 'node:worker_threads';

// The signal a worker sets: 0 starting, 1 ready, 2 done (its answer waits on the port).
const READY = 1;
const DONE = 2;

/**
 * The worker's young generation, in MB (V8's default is several times this). Its work makes
 * short-lived garbage fast (parsed records, per-fit arrays), which a smaller young generation
 * collects sooner, at little cost; what the worker holds besides counts against the results
 * command's peak memory, beside the calling thread's. At three times national scale the peak
 * was 586-601 MB with the default and 536-571 MB with 4-8 MB. (A limit on the young generation
 * only makes collections more frequent; it cannot stop the worker for want of memory.)
 */
const YOUNG_GENERATION_MB = 8;

/** How long a worker may take to load before the caller does its work itself. */
const READY_MS = 30_000;

/** The worker's answer: the value its work returned, or the error (with its stack) it threw. */
export type Reply<T> = { value: T } | { error: string };

/** A started worker: `answer()` blocks until its reply. */
export interface BlockingWorker<T> {
  /**
   * The worker's reply; undefined if it had not loaded within 30 s (it is then stopped, and the
   * caller does the work itself). Throws if the worker ended without replying.
   */
  answer: () => Reply<T> | undefined;
}

/** A worker loading its modules before its work is known: `start` posts the work, `stop` ends it unused. */
export interface LoadingWorker<T> {
  /** Posts the worker its one message (a port keeps it until the worker has loaded). */
  start: (message: unknown, transferList?: readonly Transferable[]) => BlockingWorker<T>;
  /** Stops the worker without giving it work. */
  stop: () => void;
}

/**
 * Starts the worker module at `url` now, and sends it its work later. Why: a worker takes about
 * half a second to load its modules; started while the caller is still preparing the work (the
 * results command plans its model fits for about a second), it is ready when the work is.
 */
export function loadBlockingWorker<T>(url: URL): LoadingWorker<T> {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(url, {
    workerData: { port: port2, signal },
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const stop = (): void => {
    port1.close();
    void worker.terminate();
  };
  const start = (message: unknown, transferList: readonly Transferable[] = []): BlockingWorker<T> => {
    port1.postMessage(message, [...transferList]);
    return {
      answer: () => {
        try {
          if (Atomics.load(signal, 0) === 0 && Atomics.wait(signal, 0, 0, READY_MS) === 'timed-out')
            return undefined;
          while (Atomics.load(signal, 0) !== DONE) Atomics.wait(signal, 0, READY);
          const reply = receiveMessageOnPort(port1)?.message as Reply<T> | undefined;
          if (reply === undefined) throw new Error(`${url.pathname}: the worker finished without an answer`);
          return reply;
        } finally {
          stop();
        }
      },
    };
  };
  return { start, stop };
}

/** Starts the worker module at `url` with `message` (posted at once: a port keeps messages until started). */
export function startBlockingWorker<T>(
  url: URL,
  message: unknown,
  transferList: readonly Transferable[] = [],
): BlockingWorker<T> {
  return loadBlockingWorker<T>(url).start(message, transferList);
}

/**
 * In a worker module started by {@link startBlockingWorker}: answers its one message with
 * `work(message)` (or the error it throws), then signals the waiting thread.
 */
export function serveOnce<M, T>(work: (message: M) => T): void {
  const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
  const signalAs = (value: number): void => {
    Atomics.store(signal, 0, value);
    Atomics.notify(signal, 0);
  };
  port.once('message', (message: M) => {
    let reply: Reply<T>;
    try {
      reply = { value: work(message) };
    } catch (e) {
      reply = { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(reply);
    signalAs(DONE);
    port.close();
  });
  signalAs(READY);
}
