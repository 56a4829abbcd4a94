/**
 * One model fit as a self-contained job, and a runner that shares a batch of them between this
 * thread and one worker thread.
 *
 * Why a worker: the fits are independent and pure, and at national scale they are most of the
 * results command's time (about 1,250 fits; half the time in four 40,000-row national models,
 * half in 1,200 small per-authority ones). On the two-core machines the results are built on,
 * the second core would otherwise sit idle. The runner stays synchronous (Atomics.wait and
 * receiveMessageOnPort), so nothing that calls the statistics has to become asynchronous, and
 * every outcome is computed by the same code on the same numbers, so the results are the same,
 * bit for bit, whichever thread fits a model.
 */
import { availableParallelism } from 'node:os';
import { startBlockingWorker } from '../threads/blockingWorker.ts';
import { fitLinearModel } from './fitLinearModel.ts';
import { fitNegativeBinomial } from './fitNegativeBinomial.ts';
import type { CountModelInput } from './fitNegativeBinomial.ts';
import { meanDifference } from './meanDifference.ts';
import { rateRatio } from './rateRatio.ts';
import { designStructure } from './weightedLeastSquares.ts';
import type { DesignStructure } from './weightedLeastSquares.ts';

export interface ModelJob {
  /** `count`: negative binomial (or Poisson), a rate ratio; `linear`: least squares, a mean difference. */
  model: 'count' | 'linear';
  y: number[];
  X: number[][];
  columnNames: string[];
  /** Log exposure, for a count model; unused by a linear one. */
  offset: number[];
  /** The coefficient whose exp (count) or value (linear) is the estimate. */
  term: string;
}

export type ModelOutcome =
  | {
      status: 'estimated';
      effect: 'rate_ratio' | 'mean_difference';
      model: 'negative_binomial' | 'poisson' | 'linear';
      estimate: number;
      ciLow: number;
      ciHigh: number;
      pValue: number;
      /** When model is negative_binomial. */
      theta?: number;
      /** When model is poisson: why the negative binomial was not used. */
      fallbackReason?: string;
    }
  | { status: 'not_estimable'; reason: string };

/**
 * Fits one job: the negative binomial (or Poisson) model and the rate ratio of its term, or the
 * linear model and the mean difference of its term.
 */
export function runModelJob(job: ModelJob, designs: DesignStructures = new Map()): ModelOutcome {
  if (job.model === 'linear') return runLinearJob(job);
  const fit = fitNegativeBinomial(
    { y: job.y, X: job.X, columnNames: job.columnNames, offset: job.offset },
    { structureOf: (X, p) => designs.get(X) ?? designs.set(X, designStructure(X, p)).get(X)! },
  );
  if (fit.status !== 'fitted') return { status: 'not_estimable', reason: fit.reason };
  const rr = rateRatio(fit, job.term);
  if (![rr.estimate, rr.ciLow, rr.ciHigh, rr.pValue].every(Number.isFinite)) {
    return { status: 'not_estimable', reason: 'the rate ratio or its interval is not finite' };
  }
  return {
    status: 'estimated',
    effect: 'rate_ratio',
    model: fit.model,
    estimate: rr.estimate,
    ciLow: rr.ciLow,
    ciHigh: rr.ciHigh,
    pValue: rr.pValue,
    ...(fit.model === 'negative_binomial' && fit.theta !== undefined ? { theta: fit.theta } : {}),
    ...(fit.model === 'poisson' ? { fallbackReason: fit.fallbackReason ?? 'Poisson used' } : {}),
  };
}

function runLinearJob(job: ModelJob): ModelOutcome {
  const fit = fitLinearModel({ y: job.y, X: job.X, columnNames: job.columnNames });
  if (fit.status !== 'fitted') return { status: 'not_estimable', reason: fit.reason };
  const md = meanDifference(fit, job.term);
  if (![md.estimate, md.ciLow, md.ciHigh, md.pValue].every(Number.isFinite)) {
    return { status: 'not_estimable', reason: 'the mean difference or its interval is not finite' };
  }
  const { estimate, ciLow, ciHigh, pValue } = md;
  return { status: 'estimated', effect: 'mean_difference', model: 'linear', estimate, ciLow, ciHigh, pValue };
}

/**
 * The structure of each design matrix a batch of jobs has fitted (see weightedLeastSquares.ts):
 * jobs that share a matrix (one design, several outcomes) share its structure. One per batch,
 * passed to each job, so nothing outlives the batch.
 */
export type DesignStructures = Map<ModelJob['X'] | CountModelInput['X'], DesignStructure>;

/** Runs jobs in turn, sharing the structures of their design matrices. */
export function runModelJobsHere(jobs: readonly ModelJob[]): ModelOutcome[] {
  const designs: DesignStructures = new Map();
  return jobs.map((job) => runModelJob(job, designs));
}

/** Below this many rows in the jobs a worker would take, starting one costs more than it saves. */
export const PARALLEL_MIN_ROWS = 50_000;

/**
 * Runs `mine` on this thread and `theirs` on one worker thread at the same time, and returns the
 * outcomes of `mine` then `theirs`, each in order. With `parallel` 'auto', the worker is used
 * only when the machine has a second core and `theirs` is big enough to be worth it; if the
 * worker cannot start, its jobs run here. An error in a worker's job is thrown here.
 */
export function runModelJobs(
  mine: readonly ModelJob[],
  theirs: readonly ModelJob[],
  parallel: boolean | 'auto' = 'auto',
): ModelOutcome[] {
  const rows = theirs.reduce((n, job) => n + job.y.length, 0);
  const useWorker =
    theirs.length > 0 &&
    (parallel === true || (parallel === 'auto' && availableParallelism() > 1 && rows >= PARALLEL_MIN_ROWS));
  if (!useWorker) return runModelJobsHere([...mine, ...theirs]);

  // One message, so a design matrix shared by several jobs is copied once and stays shared there.
  const worker = startBlockingWorker<ModelOutcome[]>(
    new URL('./modelJobsWorker.ts', import.meta.url),
    theirs,
  );
  const here = runModelJobsHere(mine);
  const reply = worker.answer();
  if (reply === undefined) return [...here, ...runModelJobsHere(theirs)];
  if ('error' in reply) throw new Error(`runModelJobs: a model fit failed in the worker: ${reply.error}`);
  return [...here, ...reply.value];
}
