/**
 * A blocking worker (src/lib/threads/blockingWorker.ts) that stops before it answers, in the way
 * its one message names, for the tests of what the thread waiting for it does then.
 */
import { serveOnce } from '../../src/lib/threads/blockingWorker.ts';

/** How the worker stops: `answer` does not stop, it answers. */
export type HowToStop = 'exit' | 'uncaught-error' | 'out-of-memory' | 'answer';

serveOnce((how: HowToStop) => {
  if (how === 'exit') process.exit(3);
  if (how === 'out-of-memory') {
    const held: number[][] = [];
    for (;;) held.push(new Array<number>(100_000).fill(held.length));
  }
  // An answer that cannot be copied to the waiting thread: postMessage throws, outside the
  // work's `try`, an error nothing catches.
  if (how === 'uncaught-error') return () => 'a function';
  return 'answered';
});
