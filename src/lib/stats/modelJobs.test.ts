import { describe, expect, it } from 'vitest';
import {
  PARALLEL_MIN_ROWS,
  planModelJobs,
  runModelJob,
  runModelJobs,
  SHARE_MAX_VALUES,
  startModelJobs,
  takeModelJobs,
} from './modelJobs.ts';
import type { ModelJob, ModelOutcome, SharedModelJobs } from './modelJobs.ts';
import { loadBlockingWorker, startBlockingWorker } from '../threads/blockingWorker.ts';
import type { LoadingWorker, Reply } from '../threads/blockingWorker.ts';
import { designMatrix } from './designMatrix.ts';

// A small difference-in-differences design (intercept, group, post, group × post) with counts
// that vary by school, one job per set of counts.
function job(seed: number, term = 'group_post'): ModelJob {
  const X: number[][] = [];
  const y: number[] = [];
  const offset: number[] = [];
  for (let school = 0; school < 40; school++) {
    const group = school % 2;
    for (const post of [0, 1]) {
      X.push([1, group, post, group * post]);
      y.push(((school * 7 + post * 3 + seed * 5) % 11) + group * post);
      offset.push(Math.log(200 + ((school * 37) % 300)));
    }
  }
  return { model: 'count', y, X, columnNames: ['(Intercept)', 'group', 'post', 'group_post'], offset, term };
}

describe('runModelJobs', () => {
  const jobs = [job(1), job(2), job(3), job(4), job(5)];

  it('returns the outcomes of the jobs in order, shared between two threads, as fitting each in turn would', () => {
    const expected = jobs.map((j) => runModelJob(j));
    expect(expected.every((o) => o.status === 'estimated')).toBe(true);
    expect(runModelJobs(jobs, true)).toEqual(expected);
    expect(runModelJobs(jobs, false)).toEqual(expected);
  });

  it('keeps small batches on this thread under "auto" and still answers', () => {
    expect(runModelJobs(jobs, 'auto')).toEqual(jobs.map((j) => runModelJob(j)));
  });

  it('throws the error of a failed fit, whichever thread took the job', () => {
    const failing = [6, 7, 8, 9].map((seed) => job(seed, 'no_such_column'));
    expect(() => runModelJobs(failing, true)).toThrow(
      /rateRatio: columnName "no_such_column" is not one of \(Intercept\), group, post, group_post/,
    );
  });
});

describe('the model jobs worker', () => {
  it('answers with the outcomes of the jobs it took, by index, or with the error a fit threw', () => {
    const url = new URL('./modelJobsWorker.ts', import.meta.url);
    const jobs = [job(1), job(2)];
    const next = new Int32Array(new SharedArrayBuffer(4));
    const done = startBlockingWorker<[number, ModelOutcome][]>(url, { jobs, next }).answer();
    expect(done).toEqual({
      value: [
        [0, runModelJob(jobs[0]!)],
        [1, runModelJob(jobs[1]!)],
      ],
    });
    const failed = startBlockingWorker(url, {
      jobs: [job(6, 'no_such_column')],
      next: new Int32Array(new SharedArrayBuffer(4)),
    }).answer();
    expect(failed).toEqual({
      error: expect.stringMatching(/^RangeError: rateRatio: columnName "no_such_column"/),
    });
  });
});

describe('a blocking worker loaded before its work is known', () => {
  it('answers once it is given the work, as one started with it', () => {
    const url = new URL('./modelJobsWorker.ts', import.meta.url);
    const loading = loadBlockingWorker<[number, ModelOutcome][]>(url);
    const jobs = [job(1), job(2)];
    const expected = jobs.map((j) => runModelJob(j)); // the worker loads meanwhile
    const done = loading.start({ jobs, next: new Int32Array(new SharedArrayBuffer(4)) }).answer();
    expect(done).toEqual({
      value: [
        [0, expected[0]],
        [1, expected[1]],
      ],
    });
  });
});

describe('planModelJobs', () => {
  const jobs = [job(1), job(2), job(3)];

  it('fits the jobs on a worker that loaded while they were planned, as fitting each in turn would', () => {
    const planned = planModelJobs(PARALLEL_MIN_ROWS, true);
    const expected = jobs.map((j) => runModelJob(j));
    expect(planned.start(jobs).finish()).toEqual(expected);
  });

  it('fits jobs too few to share on this thread, whether or not a worker was loading for them', () => {
    const expected = jobs.map((j) => runModelJob(j));
    expect(planModelJobs(PARALLEL_MIN_ROWS, 'auto').start(jobs).finish()).toEqual(expected);
    expect(planModelJobs(0, 'auto').start(jobs).finish()).toEqual(expected);
  });

  it('throws the error of a failed fit taken by a worker that loaded early', () => {
    const failing = [6, 7, 8, 9].map((seed) => job(seed, 'no_such_column'));
    expect(() => planModelJobs(PARALLEL_MIN_ROWS, true).start(failing).finish()).toThrow(
      /rateRatio: columnName "no_such_column"/,
    );
  });
});

describe('runModelJob', () => {
  it('fits a job given the rows and terms of its design as the job given the matrix built from them', () => {
    const given = job(1);
    if (!('X' in given)) throw new Error('job() gives a design matrix');
    const rows = given.X.map(([, group, post]) => ({ group, post, group_post: group! * post! }));
    const terms = [{ numeric: 'group' }, { numeric: 'post' }, { numeric: 'group_post' }];
    const { X, columnNames } = designMatrix(rows, terms);
    expect(X).toEqual(given.X);
    expect(columnNames).toEqual(given.columnNames);
    const outcome = runModelJob({
      model: 'count',
      y: given.y,
      offset: given.offset,
      term: given.term,
      rows,
      terms,
    });
    expect(outcome.status).toBe('estimated');
    expect(outcome).toEqual(runModelJob(given));
  });
});

describe('takeModelJobs', () => {
  it('takes each job once, in order, from the shared counter, leaving what another thread took', () => {
    const jobs = [job(1), job(2), job(3)];
    const expected = jobs.map((j) => runModelJob(j));
    const copies: (ModelJob | undefined)[] = [...jobs];
    const next = new Int32Array(new SharedArrayBuffer(4));
    next[0] = 1; // another thread has taken job 0
    expect(takeModelJobs({ jobs: copies, next })).toEqual([
      [1, expected[1]],
      [2, expected[2]],
    ]);
    // Having taken them all, it holds none of them.
    expect(copies).toEqual([undefined, undefined, undefined]);
    expect(takeModelJobs({ jobs: copies, next })).toEqual([]);
  });
});

describe('startModelJobs', () => {
  /**
   * A worker that takes every shared job before this thread begins, as a quick worker may: it
   * takes them here, at start, with the worker's own code, and answers as `answer` says.
   */
  const quickWorker = (
    answer: (work: SharedModelJobs) => Reply<[number, ModelOutcome][]>,
  ): LoadingWorker<[number, ModelOutcome][]> => ({
    start: (work) => {
      const reply = answer(work as SharedModelJobs);
      return { answer: () => reply };
    },
    stop: () => {},
  });

  it("throws the error of a fit that failed in the worker, named as the worker's", () => {
    const worker = quickWorker((work) => {
      try {
        return { value: takeModelJobs(work) };
      } catch (e) {
        return { error: (e as Error).stack ?? String(e) };
      }
    });
    const failing = [job(6), job(7, 'no_such_column'), job(8)];
    expect(() => startModelJobs(failing, true, worker).finish()).toThrow(
      /^runModelJobs: a model fit failed in the worker: RangeError: rateRatio: columnName "no_such_column"/,
    );
  });

  it('throws, not returns a hole, when a job was taken and no thread gave its outcome', () => {
    const worker = quickWorker((work) => {
      takeModelJobs(work); // takes every job, and loses their outcomes
      return { value: [] };
    });
    expect(() => startModelJobs([job(1), job(2)], true, worker).finish()).toThrow(
      /^runModelJobs: job 0 was taken but not fitted/,
    );
  });

  it('keeps a job whose design holds many distinct values on this thread, with the same outcomes', () => {
    // A design with more than SHARE_MAX_VALUES distinct values: one distinct row per school.
    const narrow = job(1);
    if (!('X' in narrow)) throw new Error('job() gives a design matrix');
    const columns = Math.ceil(SHARE_MAX_VALUES / narrow.X.length) + 1;
    const wide: ModelJob = {
      ...narrow,
      X: narrow.X.map((row, i) => [
        ...row,
        ...Array.from({ length: columns - 4 }, (_, c) => (i === c ? 1 : 0)),
      ]),
      columnNames: [...narrow.columnNames, ...Array.from({ length: columns - 4 }, (_, c) => `x${c}`)],
    };
    const jobs = [wide, job(2), job(3)];
    const expected = jobs.map((j) => runModelJob(j));
    expect(startModelJobs(jobs, true).finish()).toEqual(expected);
  });
});
