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
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
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

/** How long a worker may take to load before its jobs are run on this thread instead. */
const WORKER_READY_MS = 30_000;

// The signal a worker sets: 0 starting, 1 ready, 2 done (its answer waits on the port).
const READY = 1;
const DONE = 2;

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

  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./modelJobsWorker.ts', import.meta.url), {
    workerData: { port: port2, signal },
    transferList: [port2],
  });
  try {
    // Posted before the worker listens: a port keeps messages until it is started. One message,
    // so a design matrix shared by several jobs is copied once and stays shared there.
    port1.postMessage(theirs);
    const here = runModelJobsHere(mine);
    if (Atomics.load(signal, 0) === 0 && Atomics.wait(signal, 0, 0, WORKER_READY_MS) === 'timed-out') {
      return [...here, ...runModelJobsHere(theirs)];
    }
    while (Atomics.load(signal, 0) !== DONE) Atomics.wait(signal, 0, READY);
    const reply = receiveMessageOnPort(port1)?.message as
      { outcomes: ModelOutcome[] } | { error: string } | undefined;
    if (reply === undefined) throw new Error('runModelJobs: the worker finished without an answer');
    if ('error' in reply) throw new Error(`runModelJobs: a model fit failed in the worker: ${reply.error}`);
    return [...here, ...reply.outcomes];
  } finally {
    port1.close();
    void worker.terminate();
  }
}

export const WORKER_SIGNALS = { READY, DONE } as const;
