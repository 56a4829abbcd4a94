/**
 * Reads data/pilot/outcomes.csv into the pilot's cells (cells.ts), on two threads when the file
 * is large: this thread reads the first half while a worker reads the second
 * (pilotCellsWorker.ts), and the worker's part is absorbed after this thread's own rows, so the
 * cells, their order and every sum are those of one reader going through the whole file.
 *
 * Why: this file is nearly all of a national dataset's rows, and reading it was about half the
 * results command's time, on one core of two.
 */
import { availableParallelism } from 'node:os';
import { loadBlockingWorker } from '../threads/blockingWorker.ts';
import type { LoadingWorker } from '../threads/blockingWorker.ts';
import { pilotCellsBuilder } from './cells.ts';
import type { PilotCells, PilotCellsPart, PilotRows } from './cells.ts';
import { splitAtLine, streamCsvFile } from './parseCsv.ts';
import { pilotOutcomeSchema } from './schemas.ts';
import type { OutcomeKind } from './schemas.ts';

/** Below this many characters a worker costs more to start than it saves. */
export const PARALLEL_MIN_CHARS = 4_000_000;

/**
 * The share of the file this thread reads. Over half: the worker starts a little late (loaded
 * while the smaller files were read, see {@link loadPilotCellsWorker}, it begins 70-100 ms after
 * this thread at national scale), and its part of the text is a copy, held beside the whole text
 * this thread's caller holds, with the garbage of its parse: the read is where the results
 * command's memory peaks. At three times national scale the peak was 547 MiB at 0.6, 559-562 at
 * 0.55 and 577-586 at 0.5 (the limit is 600); at 0.55 the two threads finish within 4-25 ms of
 * each other at national scale.
 */
const HEAD_SHARE = 0.55;

const WORKER_URL = new URL('./pilotCellsWorker.ts', import.meta.url);

/** The worker that reads a file's tail, loading: started with its work, or stopped unused. */
export type PilotCellsWorker = LoadingWorker<PilotCellsWorkDone>;

/**
 * Starts loading the worker of {@link readPilotCells} for `text`, the text of
 * pilot/outcomes.csv, when the file is large enough to be read on two threads (or `parallel` is
 * true); null otherwise.
 * Why: the worker takes a few tenths of a second to load its modules; loaded while the caller
 * reads the smaller files, it is ready when this file's read begins (else it began up to half a
 * second after this thread, and this thread waited for it, in some runs up to 0.3 s). The caller
 * passes it to readPilotCells, or stops it.
 */
export function loadPilotCellsWorker(
  text: string | undefined,
  parallel: boolean | 'auto' = 'auto',
): PilotCellsWorker | null {
  return text !== undefined && twoThreads(text, parallel)
    ? loadBlockingWorker<PilotCellsWorkDone>(WORKER_URL)
    : null;
}

/** Whether a file of `text` is read on two threads: always if `parallel` is true; if 'auto', when large. */
const twoThreads = (text: string, parallel: boolean | 'auto'): boolean =>
  parallel === true ||
  (parallel === 'auto' && availableParallelism() > 1 && text.length >= PARALLEL_MIN_CHARS);

/** What the worker is sent: the file's tail and what its builder needs. */
export interface PilotCellsWork {
  fileName: string;
  /** The file's first line, and the rows after the cut. */
  header: string;
  text: string;
  pilot: PilotRows;
  kinds: [string, OutcomeKind][];
}

/** What the worker answers: how many rows its part had, whether any had a problem, and its cells. */
export interface PilotCellsWorkDone {
  rows: number;
  clean: boolean;
  part: PilotCellsPart;
}

/**
 * The pilot's cells from the text of pilot/outcomes.csv, with how many valid rows it has and
 * whether it was read without a problem. When it was not (`clean` false, or the cells not
 * `verified`), the caller reads the file again with its rows kept, so that the checks name every
 * problem with its line: problems are not collected here. `loaded` is a worker already loading
 * for this file ({@link loadPilotCellsWorker}): it reads the tail, or is stopped if the file cannot
 * be cut.
 */
export function readPilotCells(
  fileName: string,
  text: string,
  pilot: PilotRows,
  kinds: ReadonlyMap<string, OutcomeKind>,
  parallel: boolean | 'auto' = 'auto',
  loaded: PilotCellsWorker | null = null,
): { rows: number; clean: boolean; built: PilotCells } {
  const builder = pilotCellsBuilder(pilot, kinds);
  const halves = loaded !== null || twoThreads(text, parallel) ? splitAtLine(text, HEAD_SHARE) : null;
  if (halves === null) {
    loaded?.stop();
    const read = streamCsvFile(fileName, text, pilotOutcomeSchema, {}, builder.add);
    return { rows: read.rows, clean: read.problems.length === 0, built: builder.finish() };
  }
  const work: PilotCellsWork = {
    fileName,
    header: halves.header,
    text: halves.tail,
    pilot,
    kinds: [...kinds],
  };
  const worker = (loaded ?? loadBlockingWorker<PilotCellsWorkDone>(WORKER_URL)).start(work);
  const head = streamCsvFile(fileName, halves.head, pilotOutcomeSchema, {}, builder.add);
  const reply = worker.answer();
  if (reply !== undefined && 'error' in reply)
    throw new Error(`readPilotCells: reading ${fileName} failed in the worker: ${reply.error}`);
  // A worker that did not start: the tail is read here, after the head, as the worker would have.
  const tail = reply?.value ?? readTail(work);
  builder.absorb(tail.part);
  return {
    rows: head.rows + tail.rows,
    clean: head.problems.length === 0 && tail.clean,
    built: builder.finish(),
  };
}

/** The worker's work: the tail's rows summed into a part of the cells. */
export function readTail(work: PilotCellsWork): PilotCellsWorkDone {
  const builder = pilotCellsBuilder(work.pilot, new Map(work.kinds));
  const read = streamCsvFile(
    work.fileName,
    work.text,
    pilotOutcomeSchema,
    { header: work.header },
    builder.add,
  );
  return { rows: read.rows, clean: read.problems.length === 0, part: builder.part() };
}
