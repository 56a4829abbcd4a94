import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = new URL('../../../tests/helpers/answerStoppingWorker.ts', import.meta.url).pathname;

/**
 * The hang guard: a process still waiting for its worker after this long is killed, and its
 * test fails on the output it did not give. (Not a time limit: on a quiet machine each process
 * ends in well under a second; the guard is for a thread that would otherwise wait for ever.)
 */
const HANG_GUARD_MS = 120_000;

/**
 * Starts tests/helpers/stoppingWorker.ts, told to stop `how` (its HowToStop), and waits for its answer, in a
 * process of its own (answerStoppingWorker.ts): a thread blocked for ever there is killed by the
 * hang guard, where here it would block the test runner itself (a test's timeout cannot
 * interrupt a synchronous wait). `heapMb` caps the process's old generation, the worker's
 * included; `loopFirst` lets the event loop run before the wait.
 */
function answerInAProcess(
  how: 'exit' | 'uncaught-error' | 'out-of-memory' | 'answer',
  options: { heapMb?: number; loopFirst?: boolean } = {},
) {
  const heap = options.heapMb === undefined ? [] : [`--max-old-space-size=${options.heapMb}`];
  const loopFirst = options.loopFirst ? ['--loop-first'] : [];
  return spawnSync(process.execPath, ['--experimental-strip-types', ...heap, SCRIPT, how, ...loopFirst], {
    encoding: 'utf8',
    timeout: HANG_GUARD_MS,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

const STOPPED = /Error: the worker thread stoppingWorker\.ts stopped before it answered: /;
const WHAT_TO_DO = /Its work is lost and the command stops here\. Run it again/;

describe('a blocking worker that stops before it answers', () => {
  it('answers, in the process the other tests use, when the worker does not stop', () => {
    const answered = answerInAProcess('answer');
    expect(answered.stderr).toBe('');
    expect(JSON.parse(answered.stdout)).toEqual({ value: 'answered' });
  });

  it('fails answer() with the exit code of a worker that calls process.exit', () => {
    const failed = answerInAProcess('exit');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(STOPPED.source + /it exited with code 3\. /.source));
    expect(failed.stderr).toMatch(WHAT_TO_DO);
  });

  it('fails answer() with the uncaught error that stopped the worker, and its exit code', () => {
    const failed = answerInAProcess('uncaught-error');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(STOPPED.source + /it exited with code 1 after an uncaught error\. /.source),
    );
    expect(failed.stderr).toMatch(/The worker's error: DataCloneError: .* could not be cloned/);
  });

  it('fails answer() when the worker runs out of memory, which runs none of its code', () => {
    const failed = answerInAProcess('out-of-memory', { heapMb: 64 });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(
        STOPPED.source + /no code of its own ran as it stopped: it ran out of memory or crashed/.source,
      ),
    );
    expect(failed.stderr).toMatch(WHAT_TO_DO);
  });

  it('fails answer() when the worker ran out of memory while this thread was still free to hear of it', () => {
    // The event loop ran meanwhile: this thread's end of the port has closed, and Node's
    // account of the worker's end was heard.
    const failed = answerInAProcess('out-of-memory', { heapMb: 64, loopFirst: true });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      new RegExp(
        STOPPED.source + /no code of its own ran as it stopped: it ran out of memory or crashed /.source,
      ),
    );
    expect(failed.stderr).toMatch(
      /\(Node: Worker terminated due to reaching memory limit: JS heap out of memory; exit code 1\)/,
    );
  });
});

describe('a blocking worker that is loaded and never started or stopped', () => {
  it('does not keep its process running once the process has nothing else to do', () => {
    const script = new URL('../../../tests/helpers/forgottenWorker.ts', import.meta.url).pathname;
    const run = spawnSync(process.execPath, ['--experimental-strip-types', script], {
      encoding: 'utf8',
      timeout: HANG_GUARD_MS,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    expect(run.signal, 'killed by the hang guard: the worker kept the process running').toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('done\n');
    expect(run.status).toBe(0);
  });
});
