import { loadDataset } from '../../src/lib/data/loadDataset.ts';
import { parseCsvFile } from '../../src/lib/data/parseCsv.ts';
import { pilotOutcomeSchema } from '../../src/lib/data/schemas.ts';
import { readDataFolder } from '../../scripts/lib/readDataFolder.ts';

/**
 * What the school-level files say, recomputed here independently of src/lib/results so that the
 * audit does not trust the code it checks: every school id, and the true event count of every
 * cell the results can publish, keyed `study|outcome|scope|group|period` (scope `overall` or an
 * la_code). Definitions follow the data contract: trial cells count analysed schools only; pilot
 * months before a site's start_month are `pre`, the rest `post`.
 */
export interface SchoolLevelTruth {
  schoolIds: string[];
  cells: Map<string, number>;
  /** Pupil-years of each cell, so that the audit knows each cell's rate. */
  years: Map<string, number>;
}

export const cellKey = (
  study: string,
  outcome: string,
  scope: string,
  group: string,
  period: string,
): string => [study, outcome, scope, group, period].join('|');

export function schoolLevelTruth(dataDir: string): SchoolLevelTruth {
  const folder = readDataFolder(dataDir);
  const loaded = loadDataset(folder.files, { root: dataDir });
  if (!loaded.ok) throw new Error(`schoolLevelTruth: ${dataDir} is not valid data`);
  const { trial, pilot } = loaded.data;
  const cells = new Map<string, number>();
  const years = new Map<string, number>();
  const add = (
    study: string,
    outcome: string,
    la: string,
    group: string,
    period: string,
    count: number,
    y: number,
  ) => {
    for (const scope of ['overall', la]) {
      const k = cellKey(study, outcome, scope, group, period);
      cells.set(k, (cells.get(k) ?? 0) + count);
      years.set(k, (years.get(k) ?? 0) + y);
    }
  };
  const months = (from: string, to: string) => {
    const [fy, fm] = from.split('-').map(Number);
    const [ty, tm] = to.split('-').map(Number);
    return (ty! - fy!) * 12 + (tm! - fm!) + 1;
  };
  const schoolIds: string[] = [];
  if (trial) {
    const periodMonths = new Map(trial.periods.map((p) => [p.period, months(p.start_month, p.end_month)]));
    const analysed = new Map(
      trial.schools.filter((s) => s.status === 'analysed').map((s) => [s.school_id, s]),
    );
    schoolIds.push(...trial.schools.map((s) => s.school_id));
    // Events among pupils only: sessions and scores are published as summaries by school count.
    const counts = new Set(loaded.data.outcomes.filter((o) => o.kind === 'count').map((o) => o.outcome));
    for (const o of trial.outcomes) {
      const s = analysed.get(o.school_id);
      if (s && o.count !== null && counts.has(o.outcome))
        add(
          'trial',
          o.outcome,
          s.la_code,
          s.arm,
          o.period,
          o.count,
          (s.pupils * periodMonths.get(o.period)!) / 12,
        );
    }
  }
  if (pilot) {
    const start = new Map(pilot.sites.map((s) => [s.la_code, s.start_month]));
    const schools = new Map(pilot.schools.map((s) => [s.school_id, s]));
    schoolIds.push(...pilot.schools.map((s) => s.school_id));
    // The monthly rows themselves (the loader keeps only their cells).
    const rel = 'pilot/outcomes.csv';
    const rows = parseCsvFile(rel, folder.files.get(rel) ?? '', pilotOutcomeSchema).rows;
    for (const o of rows) {
      const s = schools.get(o.school_id)!;
      // YYYY-MM strings compare in time order.
      add(
        'pilot',
        o.outcome,
        s.la_code,
        s.group,
        o.month < start.get(s.la_code)! ? 'pre' : 'post',
        o.count,
        s.pupils / 12,
      );
    }
  }
  return { schoolIds, cells, years };
}
