/**
 * `npm run results -- --data <folder> --out <folder>`
 *
 * Reads and validates the data folder, computes every results file, and replaces the out folder
 * atomically, or, when the inputs, options and code are unchanged since the output there was
 * made (scripts/lib/resultsCache.ts), says so and leaves it (`--force` recomputes). On invalid data it prints every problem as `FILE:LINE: column …: expected …,
 * found …` and exits 1 without touching the out folder; no stack traces for data errors.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseResultsFile } from '../src/lib/contracts/resultsSchemas.ts';
import { loadDataset } from '../src/lib/data/loadDataset.ts';
import { formatProblem } from '../src/lib/data/problems.ts';
import { buildResults } from '../src/lib/results/buildResults.ts';
import { collectGarbage } from './lib/collectGarbage.ts';
import { consoleEffects } from './lib/consoleEffects.ts';
import type { ConsoleEffects } from './lib/consoleEffects.ts';
import { readDataFolder, type DataFolder } from './lib/readDataFolder.ts';
import { resultsCacheKey, resultsCodeVersion, reusableOutput, sha256 } from './lib/resultsCache.ts';
import { recoverInterruptedWrite, writeFolderAtomically } from './lib/writeFolderAtomically.ts';
import { invokedAsScript } from './lib/invokedAsScript.ts';

const USAGE =
  'usage: npm run results -- [--data data] [--out out] [--threshold 9] [--min-schools 3] [--force]';

/**
 * Everything the command does to the world, passed in as Observable Framework passes its
 * BuildEffects: what it reads, where messages go and how the out folder is replaced. The
 * pipeline between is pure (src/lib); tests pass their own effects to run it in-process against
 * an in-memory sink.
 */
export interface ResultsEffects extends ConsoleEffects {
  /**
   * The data folder's CSV files (path → text), with their SHA-256s if it has them; throws when
   * the folder does not exist.
   */
  readData: (dataDir: string) => DataFolder;
  /**
   * Whether `outDir` already holds the output made with `cacheKey` (see resultsCache.ts), after
   * putting right a run killed while it replaced the folder.
   */
  previousOutput: (outDir: string, cacheKey: string) => ReturnType<typeof reusableOutput>;
  /** Replaces `outDir` whole with `files` (name → text), or leaves it as it was. */
  writeFolder: (outDir: string, files: ReadonlyMap<string, string>) => void;
  /**
   * A full garbage collection, called where a phase has left much garbage (see
   * collectGarbage.ts); absent, the engine collects when it chooses. It changes no result.
   */
  collectGarbage?: () => void;
}

/** The effects of the command run from a terminal: the file system and the console. */
export const nodeEffects: ResultsEffects = {
  readData: (dataDir) => readDataFolder(dataDir, { sha256: true }),
  previousOutput: (outDir, cacheKey) => {
    recoverInterruptedWrite(outDir); // a run killed mid-publish left out.previous or out.partial
    return reusableOutput(outDir, cacheKey);
  },
  ...consoleEffects,
  writeFolder: writeFolderAtomically,
  collectGarbage,
};

/**
 * Runs the results command with `argv` (the arguments after the script name) and returns its
 * exit code: 0 written or reused, 1 invalid data (nothing written), 2 bad arguments.
 */
export function main(argv: readonly string[], effects: ResultsEffects = nodeEffects): number {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string', default: 'data' },
        out: { type: 'string', default: 'out' },
        threshold: { type: 'string', default: '9' },
        'min-schools': { type: 'string', default: '3' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (e) {
    effects.error(`results: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    effects.log(USAGE);
    return 0;
  }
  const threshold = Number(args.threshold);
  if (!Number.isInteger(threshold) || threshold < 0) {
    effects.error(`results: --threshold must be a whole number ≥ 0, found ${JSON.stringify(args.threshold)}`);
    return 2;
  }
  const minSchools = Number(args['min-schools']);
  if (!Number.isInteger(minSchools) || minSchools < 1) {
    effects.error(
      `results: --min-schools must be a whole number ≥ 1, found ${JSON.stringify(args['min-schools'])}`,
    );
    return 2;
  }
  const dataDir = args.data.replace(/\/+$/, '');
  const started = performance.now();

  let folder: DataFolder | undefined;
  try {
    folder = effects.readData(dataDir);
  } catch {
    effects.error(`results: the data folder ${JSON.stringify(dataDir)} does not exist or is not a folder`);
    return 1;
  }
  // The files' bytes, read, decoded and hashed, are garbage (hundreds of MB at national scale):
  // uncollected, they were still held through the read below, its peak 30-40 MB higher.
  effects.collectGarbage?.();
  // Skip the work when the inputs, options and code are those of the output already there.
  // (The reader may have hashed the files already, from their bytes: see readDataFolder.)
  const hashed = folder.sha256;
  const hashes = new Map([...folder.files].map(([path, text]) => [path, hashed?.get(path) ?? sha256(text)]));
  const cacheKey = resultsCacheKey({
    codeVersion: resultsCodeVersion(),
    options: { threshold, minSchools },
    inputs: [...hashes].map(([path, hash]) => ({ path, sha256: hash })),
  });
  if (folder.problems.length === 0 && !args.force) {
    const previous = effects.previousOutput(args.out, cacheKey);
    if (previous.reusable) {
      effects.log(
        `results: inputs unchanged (key ${cacheKey.slice(0, 12)}), reusing ${args.out} (${previous.files} files) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
      return 0;
    }
    effects.log(`results: recomputing (${previous.why})`);
  }

  const loaded = loadDataset(folder.files, { root: dataDir });
  const problems = [...folder.problems, ...(loaded.ok ? [] : loaded.problems)];
  // The files' texts (hundreds of MB at national scale) are done with: let them go before the models.
  // eslint-disable-next-line no-useless-assignment -- the assignment is for the garbage collector
  folder = undefined;
  effects.collectGarbage?.();
  if (!loaded.ok || problems.length > 0) {
    for (const p of problems) effects.error(formatProblem(p));
    effects.error(`results: ${problems.length} problem(s) in ${dataDir}; nothing was written to ${args.out}`);
    return 1;
  }
  const log = (what: string, rows: number, since: number) =>
    effects.log(
      `results: ${what.padEnd(20)} ${String(rows).padStart(7)} rows ${((performance.now() - since) / 1000).toFixed(2)} s`,
    );
  log(
    'read and validated',
    Object.values(loaded.rowCounts).reduce((a, b) => a + b, 0),
    started,
  );

  const inputs = [...hashes].map(([path, hash]) => ({
    path,
    sha256: hash,
    rows: loaded.rowCounts[path] ?? 0,
  }));
  let phase = performance.now();
  const files = buildResults(loaded.data, inputs, {
    threshold,
    minSchools,
    cacheKey,
    sha256,
    ...(effects.collectGarbage ? { collectGarbage: effects.collectGarbage } : {}),
    onOutput: (f) => {
      log(f.name, f.rows, phase);
      phase = performance.now();
    },
  });
  effects.writeFolder(args.out, new Map(files.map((f) => [f.name, f.text])));

  const comparisons = files.find((f) => f.name === 'comparisons.json');
  for (const c of comparisons ? parseResultsFile('comparisons.json', comparisons.text) : []) {
    const fmt = (e: { estimate: number; ciLow: number; ciHigh: number }) =>
      `${e.estimate.toFixed(3)} (95% CI ${e.ciLow.toFixed(3)} to ${e.ciHigh.toFixed(3)})`;
    effects.log(
      `results: ${c.outcome} published ${fmt(c.published)}; computed ${c.computed ? fmt(c.computed) : 'not estimable'}`,
    );
  }
  effects.log(
    `results: wrote ${files.length} files to ${args.out} in ${((performance.now() - started) / 1000).toFixed(2)} s`,
  );
  return 0;
}

if (invokedAsScript(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
