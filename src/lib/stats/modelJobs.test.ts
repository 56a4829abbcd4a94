import { describe, expect, it } from 'vitest';
import { runModelJob, runModelJobs } from './modelJobs.ts';
import type { ModelJob } from './modelJobs.ts';

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
  const mine = [job(1), job(2)];
  const theirs = [job(3), job(4), job(5)];

  it('returns the outcomes of this thread’s jobs, then the worker’s, as fitting each in turn would', () => {
    const expected = [...mine, ...theirs].map((j) => runModelJob(j));
    expect(expected.every((o) => o.status === 'estimated')).toBe(true);
    expect(runModelJobs(mine, theirs, true)).toEqual(expected);
    expect(runModelJobs(mine, theirs, false)).toEqual(expected);
  });

  it('keeps small batches on this thread under "auto" and still answers', () => {
    expect(runModelJobs(mine, theirs, 'auto')).toEqual([...mine, ...theirs].map((j) => runModelJob(j)));
  });

  it('reports an error from a job fitted in the worker', () => {
    expect(() => runModelJobs(mine, [job(6, 'no_such_column')], true)).toThrow(
      /a model fit failed in the worker: RangeError: rateRatio: columnName "no_such_column"/,
    );
  });
});
