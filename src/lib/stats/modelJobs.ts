/**
 * One model fit as a self-contained job, and a runner that shares a batch of them between this
 * thread and one worker thread.
 *
 * Why a worker: the fits are independent and pure, and at national scale they are most of the
 * results command's time (about 1,250 fits; half the time in a dozen national models, half in
 * 1,200 small per-authority ones). On the two-core machines the results are built on, the
 * second core would otherwise sit idle. The runner stays synchronous (Atomics.wait and
 * receiveMessageOnPort), so nothing that calls the statistics has to become asynchronous, and
 * every outcome is computed by the same code on the same numbers, so the results are the same,
 * bit for bit, whichever thread fits a model.
 *
 * The worker starts on the shared jobs as soon as they are given, while this thread goes on with
 * other work (the results command computes the descriptive rates meanwhile); this thread then
 * fits its own jobs and joins in. Each shared job is taken, in order, by whichever thread is
 * free first (one counter in shared memory), so the two threads finish together however the
 * machine's load falls on them, where a fixed split left one waiting for the other.
 */
import { availableParallelism } from 'node:os';
import { loadBlockingWorker } from '../threads/blockingWorker.ts';
import type { LoadingWorker } from '../threads/blockingWorker.ts';
import { fitLinearModel } from './fitLinearModel.ts';
import { fitNegativeBinomial } from './fitNegativeBinomial.ts';
import type { CountModelInput } from './fitNegativeBinomial.ts';
import { meanDifference } from './meanDifference.ts';
import { rateRatio } from './rateRatio.ts';
import { designColumnCount, designMatrix } from './designMatrix.ts';
import type { Design, DesignTerm } from './designMatrix.ts';
import { designStructure } from './weightedLeastSquares.ts';
import type { DesignStructure } from './weightedLeastSquares.ts';

/** A model to fit: its response, exposure and term, and its design matrix or what it is built from. */
export type ModelJob = {
  /** `count`: negative binomial (or Poisson), a rate ratio; `linear`: least squares, a mean difference. */
  model: 'count' | 'linear';
  y: number[];
  /** Log exposure, for a count model; unused by a linear one. */
  offset: number[];
  /** The coefficient whose exp (count) or value (linear) is the estimate. */
  term: string;
} & (Design | DesignRecipe);

/**
 * The rows and terms of a design matrix that is built (designMatrix.ts) only when its job is
 * fitted, and goes with it. Why: a design that one job alone uses (the trial's adjusted model, one
 * distinct row per school over ~150 columns) would otherwise be held from planning to the end of
 * the fits: ~13 MB an outcome at three times national scale, all at the results command's peak.
 */
export interface DesignRecipe {
  rows: Readonly<Record<string, unknown>>[];
  terms: DesignTerm[];
}

/** A job's design matrix: the one it holds, or the one built from its recipe. */
const designOf = (job: ModelJob): Design => ('X' in job ? job : designMatrix(job.rows, job.terms));

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
export function runModelJob(job: ModelJob, designs: DesignStructures = new WeakMap()): ModelOutcome {
  const { X, columnNames } = designOf(job);
  if (job.model === 'linear') return runLinearJob(job, X, columnNames);
  const fit = fitNegativeBinomial(
    { y: job.y, X, columnNames, offset: job.offset },
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

function runLinearJob(job: ModelJob, X: Design['X'], columnNames: Design['columnNames']): ModelOutcome {
  const fit = fitLinearModel({ y: job.y, X, columnNames });
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
 * passed to each job, so nothing outlives the batch; weak, so a structure goes with the last job
 * that holds its matrix.
 */
export type DesignStructures = WeakMap<CountModelInput['X'], DesignStructure>;

/** Runs jobs in turn, sharing the structures of their design matrices. */
export function runModelJobsHere(jobs: readonly ModelJob[]): ModelOutcome[] {
  const designs: DesignStructures = new WeakMap();
  return jobs.map((job) => runModelJob(job, designs));
}

/** Below this many rows in the jobs a worker would take, starting one costs more than it saves. */
export const PARALLEL_MIN_ROWS = 50_000;

/**
 * A job whose design matrix holds more distinct values than this is fitted on this thread, not
 * shared: copying or building it on the worker would grow the worker's memory by as much, at the
 * results command's peak. (The pilot's national design, group × period × authority, is ~600
 * distinct rows whatever the scale; the trial's adjusted design is one row per school over ~150
 * columns, ~500,000 values at national scale.)
 */
export const SHARE_MAX_VALUES = 250_000;

/** How many distinct values a job's design matrix holds (a recipe's rows counted as distinct). */
const designValues = (job: ModelJob): number =>
  'X' in job
    ? new Set(job.X).size * job.columnNames.length
    : job.rows.length * designColumnCount(job.rows, job.terms);

/** Model jobs under way: `finish()` fits what is left and returns every outcome. */
export interface ModelJobsUnderWay {
  /** The outcomes of the jobs, in order. Blocks until all are fitted. */
  finish: () => ModelOutcome[];
}

/** What the worker is sent: the shared jobs and the counter of the next one to take. */
export interface SharedModelJobs {
  /** The jobs; each thread lets go of its copy of a job once the job has been taken (see takeModelJobs). */
  jobs: (ModelJob | undefined)[];
  /** next[0] is the index of the next job not yet taken by either thread. */
  next: Int32Array;
}

/**
 * Takes shared jobs one at a time, in order, until none is left, and fits each: the outcomes of
 * the jobs this thread took, by index. Both threads run this on the same counter. Every job
 * before the one taken has been taken by one thread or the other, so this thread lets go of its
 * copies of them: what a thread holds shrinks as the fits go on (at three times national scale
 * the jobs' arrays are tens of MB, at the results command's peak).
 */
export function takeModelJobs(
  { jobs, next }: SharedModelJobs,
  designs: DesignStructures = new WeakMap(),
): [index: number, outcome: ModelOutcome][] {
  const taken: [number, ModelOutcome][] = [];
  let held = 0; // jobs[held ..] may still be taken
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) {
    const job = jobs[i]!;
    while (held <= i) jobs[held++] = undefined;
    taken.push([i, runModelJob(job, designs)]);
  }
  jobs.fill(undefined, held);
  return taken;
}

/** Whether a worker should share `rows` rows of jobs: a second core, and enough work to pay for its start. */
const worthAWorker = (rows: number, parallel: boolean | 'auto'): boolean =>
  parallel === true || (parallel === 'auto' && availableParallelism() > 1 && rows >= PARALLEL_MIN_ROWS);

const WORKER_URL = new URL('./modelJobsWorker.ts', import.meta.url);

/** Model jobs still being planned, and the worker that will share them, loading meanwhile. */
export interface PlannedModelJobs {
  /** Starts fitting the jobs, once planned (see {@link startModelJobs}). */
  start: (jobs: readonly ModelJob[]) => ModelJobsUnderWay;
  /** Stops the loading worker, when no jobs will come (planning failed). */
  stop: () => void;
}

/**
 * Loads the worker for jobs still to be planned, when about `expectedRows` rows of jobs are
 * worth one: it loads its modules (about half a second) while this thread plans the jobs,
 * instead of after. Too few rows expected, and `start` decides from the jobs themselves, as
 * {@link startModelJobs} does; too many, and a worker the jobs do not need is stopped unused.
 */
export function planModelJobs(expectedRows: number, parallel: boolean | 'auto' = 'auto'): PlannedModelJobs {
  const loading = worthAWorker(expectedRows, parallel)
    ? loadBlockingWorker<[number, ModelOutcome][]>(WORKER_URL)
    : null;
  return {
    start: (jobs) => startModelJobs(jobs, parallel, loading),
    stop: () => loading?.stop(),
  };
}

/**
 * Starts fitting `jobs` and returns a handle whose `finish()` returns their outcomes, in order.
 * On two threads: the jobs cheap to copy (see {@link SHARE_MAX_VALUES}) are sent to one worker
 * thread at once and it starts on them; `finish()` fits the others on this thread, then takes
 * shared jobs too until none is left. With `parallel` 'auto', the worker is used only when the
 * machine has a second core and the shared jobs are big enough to be worth it; if the worker
 * cannot start, this thread fits every job. An error in a worker's job is thrown by `finish()`.
 * `loading` is a worker already loading for these jobs (see {@link planModelJobs}); it is
 * stopped if the jobs do not need it.
 */
export function startModelJobs(
  jobs: readonly ModelJob[],
  parallel: boolean | 'auto' = 'auto',
  loading: LoadingWorker<[number, ModelOutcome][]> | null = null,
): ModelJobsUnderWay {
  const kept: number[] = [];
  const shared: number[] = [];
  jobs.forEach((job, i) => (designValues(job) > SHARE_MAX_VALUES ? kept : shared).push(i));
  const rows = shared.reduce((n, i) => n + jobs[i]!.y.length, 0);
  if (shared.length === 0 || !worthAWorker(rows, parallel)) {
    loading?.stop();
    return { finish: () => runModelJobsHere(jobs) };
  }

  const work: SharedModelJobs = {
    jobs: shared.map((i) => jobs[i]!),
    next: new Int32Array(new SharedArrayBuffer(4)),
  };
  // One message, so a design matrix shared by several jobs is copied once and stays shared there.
  const worker = (loading ?? loadBlockingWorker<[number, ModelOutcome][]>(WORKER_URL)).start(work);
  // This thread's own jobs, let go of once fitted, as the shared ones are.
  const mine: (ModelJob | undefined)[] = kept.map((i) => jobs[i]!);
  const count = jobs.length;
  return {
    finish: () => {
      const designs: DesignStructures = new WeakMap();
      // Filled, not sparse: map (below) skips the holes of a sparse array, and would return a
      // job that no thread fitted as a hole instead of throwing.
      const outcomes = new Array<ModelOutcome | undefined>(count).fill(undefined);
      mine.forEach((job, k) => {
        mine[k] = undefined;
        outcomes[kept[k]!] = runModelJob(job!, designs);
      });
      const taken = takeModelJobs(work, designs);
      const reply = worker.answer();
      if (reply !== undefined && 'error' in reply)
        throw new Error(`runModelJobs: a model fit failed in the worker: ${reply.error}`);
      for (const [k, outcome] of [...taken, ...(reply?.value ?? [])]) outcomes[shared[k]!] = outcome;
      // Every job was taken before this thread stopped taking them, so a worker that did not
      // load in time (no reply) had taken none.
      return outcomes.map((o, i) => {
        if (o === undefined) throw new Error(`runModelJobs: job ${i} was taken but not fitted`);
        return o;
      });
    },
  };
}

/** {@link startModelJobs} finished at once: the outcomes of `jobs`, in order. */
export function runModelJobs(jobs: readonly ModelJob[], parallel: boolean | 'auto' = 'auto'): ModelOutcome[] {
  return startModelJobs(jobs, parallel).finish();
}
