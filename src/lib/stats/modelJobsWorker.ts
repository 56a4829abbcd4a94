/**
 * The worker thread of `startModelJobs` (modelJobs.ts): takes shared model jobs one at a time
 * until none is left, and answers with the outcomes of those it took, by index (see
 * src/lib/threads/blockingWorker.ts).
 */
import { serveOnce } from '../threads/blockingWorker.ts';
import { takeModelJobs } from './modelJobs.ts';
import type { SharedModelJobs } from './modelJobs.ts';

serveOnce((work: SharedModelJobs) => takeModelJobs(work));
