/**
 * The worker thread of `runModelJobs` (modelJobs.ts): fits one batch of model jobs in order and
 * answers with their outcomes (see src/lib/threads/blockingWorker.ts).
 */
import { serveOnce } from '../threads/blockingWorker.ts';
import { runModelJobsHere } from './modelJobs.ts';
import type { ModelJob } from './modelJobs.ts';

serveOnce((jobs: ModelJob[]) => runModelJobsHere(jobs));
