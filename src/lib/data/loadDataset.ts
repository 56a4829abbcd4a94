import type { z } from 'zod';
import { pilotCells, trialCells } from './cells.ts';
import type { Cell, PilotCells, TrialCell } from './cells.ts';
import { crossChecks } from './crossChecks.ts';
import { windowChecks } from './windowChecks.ts';
import type { Table, Tables } from './crossChecks.ts';
import { parseCsvFile } from './parseCsv.ts';
import { loadPilotCellsWorker, readPilotCells } from './readPilotCells.ts';
import type { CsvRowSchema, ParseCsvOptions } from './parseCsv.ts';
import { makeProblem, sortProblems } from './problems.ts';
import type { Problem } from './problems.ts';
import {
  authoritySchema,
  contextMeasureSchema,
  datasetInfoSchema,
  laStatisticSchema,
  outcomeSchema,
  pilotOutcomeSchema,
  pilotSchoolSchema,
  pilotSiteSchema,
  publishedEstimateSchema,
  publishedFactSchema,
  trialOutcomeSchema,
  trialPeriodSchema,
  trialSchoolSchema,
} from './schemas.ts';
import type {
  AuthorityRow,
  ContextMeasureRow,
  DatasetInfoRow,
  LaStatisticRow,
  OutcomeRow,
  PilotSchoolRow,
  PilotSiteRow,
  PublishedEstimateRow,
  PublishedFactRow,
  TrialOutcomeRow,
  TrialPeriodRow,
  TrialSchoolRow,
} from './schemas.ts';

/** Every CSV file the data contract knows, by path relative to the data folder. */
export const KNOWN_FILES = [
  'dataset.csv',
  'authorities.csv',
  'outcomes.csv',
  'pilot/sites.csv',
  'pilot/schools.csv',
  'pilot/outcomes.csv',
  'trial/periods.csv',
  'trial/schools.csv',
  'trial/outcomes.csv',
  'context/la-statistics.csv',
  'context/measures.csv',
  'published/estimates.csv',
  'published/facts.csv',
] as const;
export type KnownFile = (typeof KNOWN_FILES)[number];

/** A valid dataset: every file's rows, with each study null when its folder is absent. */
export type Dataset = {
  /** The row of data/dataset.csv, or null when that optional file is absent. */
  info: DatasetInfoRow | null;
  /** True only when data/dataset.csv says synthetic=true. */
  synthetic: boolean;
  authorities: AuthorityRow[];
  outcomes: OutcomeRow[];
  /**
   * The pilot's schools and sites, and its outcome rows summed into cells while they were read
   * (see cells.ts): the monthly rows themselves are not kept.
   */
  pilot: { sites: PilotSiteRow[]; schools: PilotSchoolRow[]; cells: Cell[] } | null;
  /** The trial's rows, and its outcome rows of analysed schools joined to their schools once. */
  trial: {
    periods: TrialPeriodRow[];
    schools: TrialSchoolRow[];
    outcomes: TrialOutcomeRow[];
    cells: TrialCell[];
  } | null;
  /** `measures` is empty when the optional context/measures.csv is absent. */
  context: { laStatistics: LaStatisticRow[]; measures: ContextMeasureRow[] } | null;
  /** Null when neither published file is present; each file on its own is optional. */
  published: { estimates: PublishedEstimateRow[]; facts: PublishedFactRow[] } | null;
};

/** The result of {@link loadDataset}. rowCounts maps each file read to its number of data rows. */
export type LoadDatasetResult =
  { ok: true; data: Dataset; rowCounts: Record<string, number> } | { ok: false; problems: Problem[] };

/** Options for {@link loadDataset}. */
export type LoadDatasetOptions = {
  /** The folder name put before each file in messages (default "data"). */
  root?: string;
};

const FOLDERS: Record<string, readonly KnownFile[]> = {
  pilot: ['pilot/sites.csv', 'pilot/schools.csv', 'pilot/outcomes.csv'],
  trial: ['trial/periods.csv', 'trial/schools.csv', 'trial/outcomes.csv'],
  // context/measures.csv is optional: without it pages name each measure by its code.
  context: ['context/la-statistics.csv'],
};

/**
 * Validates a whole data folder given as a map from path relative to the folder (e.g.
 * "trial/schools.csv") to file text. Checks every file against its schema, then the rules
 * between files, and returns either the typed data or every problem found, sorted by file and
 * line. A study folder with no files is absent (its study is null); one with some files must
 * have them all. Pure: a script reads the folder (see scripts/lib/readDataFolder.ts).
 */
export function loadDataset(
  files: ReadonlyMap<string, string>,
  options: LoadDatasetOptions = {},
): LoadDatasetResult {
  if (!(files instanceof Map))
    throw new RangeError('loadDataset: files must be a Map from relative path to text');
  const root = options.root ?? 'data';
  const display = (rel: string): string => (root === '' ? rel : `${root.replace(/\/+$/, '')}/${rel}`);
  const problems: Problem[] = [];
  const known = new Set<string>(KNOWN_FILES);
  for (const rel of files.keys()) {
    if (!known.has(rel)) {
      problems.push(
        makeProblem({
          file: display(rel),
          line: null,
          expected: `only the files ${KNOWN_FILES.join(', ')}`,
          found: 'an unknown file',
          hint: 'Check the name and folder, or move the file out of the data folder.',
        }),
      );
    }
  }

  const folderPresent = (folder: string): boolean =>
    [...files.keys()].some((k) => k.startsWith(`${folder}/`));
  const missing = (rel: string, why: string): void => {
    problems.push(
      makeProblem({ file: display(rel), line: null, expected: `this file ${why}`, found: 'no file' }),
    );
  };
  for (const rel of ['authorities.csv', 'outcomes.csv'])
    if (!files.has(rel)) missing(rel, 'in every dataset');
  for (const [folder, rels] of Object.entries(FOLDERS)) {
    if (!folderPresent(folder)) continue;
    for (const rel of rels)
      if (!files.has(rel))
        missing(rel, `because the folder ${display(folder)}/ exists (a study folder must be complete)`);
  }

  const rowCounts: Record<string, number> = {};
  const read = <S extends CsvRowSchema>(rel: KnownFile, schema: S, parseOptions: ParseCsvOptions = {}) => {
    const text = files.get(rel);
    if (text === undefined) return null;
    const parsed = parseCsvFile(display(rel), text, schema, parseOptions);
    problems.push(...parsed.problems);
    rowCounts[rel] = parsed.rows.length;
    const table: Table<z.output<S>> = { ...parsed, file: display(rel), clean: parsed.problems.length === 0 };
    return table;
  };

  // The worker that reads the tail of a large pilot/outcomes.csv loads while the smaller files
  // are read (see readPilotCells.ts).
  const pilotWorker = loadPilotCellsWorker(files.get('pilot/outcomes.csv'));
  const info = read('dataset.csv', datasetInfoSchema, { minRows: 1, maxRows: 1 });
  const authorities = read('authorities.csv', authoritySchema, { minRows: 1 });
  const outcomes = read('outcomes.csv', outcomeSchema, { minRows: 1 });
  const kinds = new Map((outcomes?.rows ?? []).map((o) => [o.outcome, o.kind]));
  const trialPeriods = read('trial/periods.csv', trialPeriodSchema);
  const trialSchools = read('trial/schools.csv', trialSchoolSchema, { minRows: 1 });
  const trialOutcomes = read('trial/outcomes.csv', trialOutcomeSchema);
  const pilotSites = read('pilot/sites.csv', pilotSiteSchema, { minRows: 1 });
  const pilotSchools = read('pilot/schools.csv', pilotSchoolSchema, { minRows: 1 });

  // The pilot's outcome rows are summed into cells as they are read, and checked in the same
  // pass, when the files they refer to have no problems of their own. If a row breaks a rule,
  // the file is read again with its rows kept, for crossChecks to name every problem.
  const readPilotOutcomes = (): { table: Tables['pilotOutcomes']; built: PilotCells | null } => {
    const rel = 'pilot/outcomes.csv';
    const text = files.get(rel);
    if (text === undefined) return { table: null, built: null };
    if (outcomes?.clean && pilotSites?.clean && pilotSchools?.clean) {
      const pilot = { sites: pilotSites.rows, schools: pilotSchools.rows };
      const { rows, clean, built } = readPilotCells(display(rel), text, pilot, kinds, 'auto', pilotWorker);
      if (clean && built.verified) {
        rowCounts[rel] = rows;
        return { table: { file: display(rel), clean: true, rows: null, measured: built.measured }, built };
      }
    }
    return { table: read(rel, pilotOutcomeSchema), built: null };
  };
  const pilotOutcomes = readPilotOutcomes();
  // Unused if the file was read whole for the checks (a worker that answered has stopped already).
  pilotWorker?.stop();
  const tables: Tables = {
    authorities,
    outcomes,
    trialPeriods,
    trialSchools,
    trialOutcomes,
    pilotSites,
    pilotSchools,
    pilotOutcomes: pilotOutcomes.table,
    laStatistics: read('context/la-statistics.csv', laStatisticSchema),
    contextMeasures: read('context/measures.csv', contextMeasureSchema),
    publishedEstimates: read('published/estimates.csv', publishedEstimateSchema),
    publishedFacts: read('published/facts.csv', publishedFactSchema),
  };
  const extractedMonth = info?.clean ? (info.rows[0]?.extracted_month ?? null) : null;
  problems.push(
    ...crossChecks(tables, extractedMonth),
    ...windowChecks(
      extractedMonth,
      info?.file ?? display('dataset.csv'),
      tables.trialPeriods,
      tables.pilotSites,
    ),
  );
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };

  const rows = <T>(table: Table<T> | null): T[] => table?.rows ?? [];
  const infoRow = info?.rows[0] ?? null;
  const data: Dataset = {
    info: infoRow,
    synthetic: infoRow?.synthetic ?? false,
    authorities: rows(tables.authorities),
    outcomes: rows(tables.outcomes),
    pilot:
      tables.pilotSites === null
        ? null
        : {
            sites: rows(tables.pilotSites),
            schools: rows(tables.pilotSchools),
            cells:
              pilotOutcomes.built?.cells ??
              // Read again with its rows kept, yet valid (a rule of the pass stricter than the checks).
              pilotCells({
                sites: rows(tables.pilotSites),
                schools: rows(tables.pilotSchools),
                outcomes: tables.pilotOutcomes?.rows ?? [],
              }),
          },
    trial:
      tables.trialPeriods === null
        ? null
        : {
            periods: rows(tables.trialPeriods),
            schools: rows(tables.trialSchools),
            outcomes: rows(tables.trialOutcomes),
            cells: trialCells(
              {
                periods: rows(tables.trialPeriods),
                schools: rows(tables.trialSchools),
                outcomes: rows(tables.trialOutcomes),
              },
              kinds,
            ),
          },
    context:
      tables.laStatistics === null
        ? null
        : { laStatistics: rows(tables.laStatistics), measures: rows(tables.contextMeasures) },
    published:
      tables.publishedEstimates === null && tables.publishedFacts === null
        ? null
        : { estimates: rows(tables.publishedEstimates), facts: rows(tables.publishedFacts) },
  };
  return { ok: true, data, rowCounts };
}
