/**
 * Run as a script: loads a blocking worker (tests/helpers/stoppingWorker.ts) and ends without
 * starting or stopping it, as a caller that threw between the two would; prints "done". The
 * process must then end by itself (blockingWorker.test.ts).
 */
import { loadBlockingWorker } from '../../src/lib/threads/blockingWorker.ts';

loadBlockingWorker(new URL('./stoppingWorker.ts', import.meta.url));
console.log('done');
