/**
 * The worker thread of `readPilotCells` (readPilotCells.ts): reads the tail of
 * pilot/outcomes.csv into a part of the cells (see src/lib/threads/blockingWorker.ts).
 */
import { serveOnce } from '../threads/blockingWorker.ts';
import { readTail } from './readPilotCells.ts';

serveOnce(readTail);
