/**
 * A worker thread that takes one message and gives one answer, waited for without a promise:
 * the caller posts the work, does its own share meanwhile, then blocks (Atomics.wait) until the
 * answer is in (receiveMessageOnPort). So the code that uses a second core stays synchronous, as
 * the results pipeline is, and nothing that calls it has to become asynchronous.
 *
 * The worker's module calls {@link serveOnce} with the function that does its work.
 *
 * A worker that stops before it answers (an uncaught error, process.exit, running out of memory)
 * makes `answer()` throw, never wait for ever: a thread blocked in Atomics.wait cannot see the
 * worker's `exit` event, so the wait is cut into slices, and between slices the caller asks
 * whether the worker is still there (workerGone.ts). A worker whose own exit code runs says why
 * it stopped (serveOnce); one that runs out of memory is stopped by Node with no code of its own
 * run, and is noticed by the probe alone.
 */
import { basename } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import type { MessagePort, Transferable } from 'node:worker_threads';
import { workerGone } from './workerGone.ts';

// The signal a worker sets: 0 starting, 1 ready, 2 done (its answer waits on the port), 3 stopped
// before answering (what stopped it waits on the port).
const STARTING = 0;
const READY = 1;
const DONE = 2;
const STOPPED = 3;

/**
 * How often a waiting thread checks that its worker is still there. A worker's answer ends the
 * wait at once (Atomics.notify); this is only how late a worker that died unheard is noticed.
 */
const SLICE_MS = 200;

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

/** What a worker that stops before answering leaves on its port: how, and the error that stopped it. */
interface Stopped {
  stopped: string;
  error?: string;
}

/** A started worker: `answer()` blocks until its reply. */
export interface BlockingWorker<T> {
  /**
   * The worker's reply; undefined if it had not loaded within 30 s, or stopped while loading (it
   * is then stopped, and the caller does the work itself). Throws if the worker ended without
   * replying: stopped by an uncaught error, process.exit or a lack of memory, the error says
   * which, as far as is known.
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
  // What Node says of a worker's end, heard only if this thread's event loop ran since; the
  // listener also keeps a worker's error from being thrown again as an unhandled 'error' event
  // once answer() has reported it.
  const ended: string[] = [];
  worker.on('error', (e) => ended.push(e.message));
  worker.on('exit', (code) => ended.push(`exit code ${code}`));
  // The worker alone does not keep the process alive: its caller waits for it synchronously
  // (answer()), so the process never ends while the work is wanted; but a loading worker that a
  // caller never starts or stops (an error thrown between the two) would otherwise keep a
  // finished command running for ever.
  worker.unref();
  const stop = (): void => {
    port1.close();
    void worker.terminate();
  };

  /**
   * Waits while the signal is `value`, a slice at a time, for at most `ms`: `changed`, or
   * `timed-out`, or `gone` if the worker has gone meanwhile without a word.
   */
  const waitWhile = (value: number, ms: number): 'changed' | 'timed-out' | 'gone' => {
    const until = performance.now() + ms;
    while (Atomics.load(signal, 0) === value) {
      const left = until - performance.now();
      if (left <= 0) return 'timed-out';
      Atomics.wait(signal, 0, value, Math.min(left, SLICE_MS));
      if (Atomics.load(signal, 0) === value && workerGone(port1)) return 'gone';
    }
    return 'changed';
  };

  const start = (message: unknown, transferList: readonly Transferable[] = []): BlockingWorker<T> => {
    port1.postMessage(message, [...transferList]);
    return {
      answer: () => {
        try {
          // A worker that stopped while loading, as one slow to load, never took the work.
          if (waitWhile(STARTING, READY_MS) !== 'changed') return undefined;
          if (waitWhile(READY, Infinity) === 'gone')
            throw stoppedError(
              url,
              'no code of its own ran as it stopped: it ran out of memory or crashed',
              ended,
            );
          const reply = receiveMessageOnPort(port1)?.message as Reply<T> | Stopped | undefined;
          if (reply !== undefined && 'stopped' in reply)
            throw stoppedError(url, reply.stopped, ended, reply.error);
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

/**
 * The error of a worker that stopped before answering: how (and what Node said of its end, if
 * this thread heard it), what to do, and the error that stopped it, if it left one.
 */
function stoppedError(url: URL, how: string, ended: readonly string[], error?: string): Error {
  const heard = ended.length > 0 ? ` (Node: ${ended.join('; ')})` : '';
  return new Error(
    `the worker thread ${basename(url.pathname)} stopped before it answered: ${how}${heard}. ` +
      'Its work is lost and the command stops here. Run it again; if the worker stops again, free ' +
      'some memory (a worker that runs out of it stops without a word) or report this message.' +
      (error === undefined ? '' : `\nThe worker's error: ${error}`),
  );
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
 * `work(message)` (or the error it throws), then signals the waiting thread. Should the worker
 * stop before it has answered (process.exit, or an error no `try` caught, such as an answer
 * that cannot be copied), its exit handler says how, and signals the waiting thread instead.
 */
export function serveOnce<M, T>(work: (message: M) => T): void {
  const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
  const signalAs = (value: number): void => {
    Atomics.store(signal, 0, value);
    Atomics.notify(signal, 0);
  };
  let answered = false;
  let uncaught: unknown;
  process.on('uncaughtExceptionMonitor', (e) => (uncaught = e));
  process.once('exit', (code) => {
    if (answered) return;
    const stopped: Stopped =
      uncaught === undefined
        ? { stopped: `it exited with code ${code}` }
        : { stopped: `it exited with code ${code} after an uncaught error`, error: errorText(uncaught) };
    port.postMessage(stopped);
    signalAs(STOPPED);
  });
  port.once('message', (message: M) => {
    let reply: Reply<T>;
    try {
      reply = { value: work(message) };
    } catch (e) {
      reply = { error: errorText(e) };
    }
    port.postMessage(reply);
    answered = true;
    signalAs(DONE);
    port.close();
  });
  signalAs(READY);
}

/** An error as its stack (which starts with its message), or the thrown value as text. */
const errorText = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e));
