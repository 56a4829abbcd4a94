/**
 * The one table of cells: each school's events of each outcome in each period of a study, with
 * the pupil-years they happened in. Rates (src/lib/results/rates.ts), disclosure control and the
 * models (src/lib/stats/analyses.ts) all read this table; none of them sums or joins the outcome
 * rows again.
 *
 * The pilot's table is built while data/pilot/outcomes.csv is read (loadDataset hands each row to
 * {@link pilotCellsBuilder} as Papa Parse reads it), so millions of monthly rows are never held:
 * memory grows with schools, not rows. The same pass checks the rules crossChecks.ts would check
 * on those rows; when one fails, the loader reads the file again with its rows kept, so that
 * every problem is named exactly as the checks name it.
 */
import { monthIndex, monthsInclusive } from './months.ts';
import type {
  OutcomeKind,
  PilotOutcomeRow,
  PilotSchoolRow,
  PilotSiteRow,
  TrialOutcomeRow,
  TrialPeriodRow,
  TrialSchoolRow,
} from './schemas.ts';

/** The school a cell belongs to: what rates and models group it by. */
export interface CellSchool {
  schoolId: string;
  laCode: string;
  /** The pilot group, or the trial arm. */
  group: string;
  pupils: number;
}

/** One school's count of one outcome over one period, with its exposure in pupil-years. */
export interface Cell {
  school: CellSchool;
  /** `pre` or `post` in the pilot; the trial's period names. */
  period: string;
  outcome: string;
  count: number;
  /** Pupil-years: pupils × months in the period / 12. */
  years: number;
}

/**
 * A trial cell: one row of trial/outcomes.csv of an analysed school, joined to its school once.
 * `count` is null for a score outcome; `exposure` (sessions possible) and `value` (a mean
 * score) are filled by the outcome kinds that have them (see the contract's outcome kinds).
 */
export interface TrialCell extends Omit<Cell, 'count'> {
  kind: OutcomeKind;
  count: number | null;
  exposure: number | null;
  value: number | null;
}

/** The pilot rows rates and models need, as the loader reads them. */
export interface PilotRows {
  sites: readonly PilotSiteRow[];
  schools: readonly Pick<PilotSchoolRow, 'school_id' | 'la_code' | 'group' | 'pupils'>[];
}

/** The pilot's cells, and what the pass that built them found. */
export interface PilotCells {
  /** Cells in the order their first row appears in the file. */
  cells: Cell[];
  /** The outcomes with at least one row. */
  measured: Set<string>;
  /**
   * True when every row named a listed school, a site with a window in order, a count outcome
   * and a month inside the window, no school × month × outcome came twice, and every school has
   * every month × measured outcome: then crossChecks' rules on the rows hold.
   */
  verified: boolean;
}

/**
 * What a {@link pilotCellsBuilder} built from a part of the file, for the builder of the rest to
 * take in (see its `absorb`): typed arrays and short lists, cheap to pass between threads.
 * Schools are numbered in the order of `pilot.schools`.
 */
export interface PilotCellsPart {
  verified: boolean;
  /** The outcomes with rows in the part, in the order first seen. */
  measured: string[];
  /** Each school's rows checked in the part. */
  schoolRows: Int32Array;
  /** Each school's slots seen (outcome × month, see the builder), one after another. */
  seen: Uint8Array;
  /** The part's cells in the order first seen: school, outcome (index into `measured`), pre 0 or post 1, count, rows summed. */
  cells: {
    school: Int32Array;
    outcome: Uint16Array;
    post: Uint8Array;
    /**
     * Plain numbers, not a Float64Array: a whole count read back from a Float64Array is a double,
     * and one double stored in a cell's count, where this thread's cells hold small integers,
     * changes the cells' shape in V8: every cell built before is then migrated to the new shape,
     * one at a time, on its first use (~100 ms in the fits' planning at national scale).
     */
    count: number[];
    rows: Int32Array;
  };
}

/** Windows longer than this (a mistyped year) are left to crossChecks to report. */
const MAX_WINDOW_MONTHS = 1200;

/**
 * Sums pilot outcome rows into cells as they are read: each school's months before its site's
 * start_month into `pre` and the rest into `post`, with exposure pupils / 12 a month. Rows of a
 * school or site that is not listed are left out (the checks report them). `kinds` maps each
 * outcome of outcomes.csv to its kind, for the checks.
 */
export function pilotCellsBuilder(
  pilot: PilotRows,
  kinds: ReadonlyMap<string, OutcomeKind>,
): {
  add: (row: Pick<PilotOutcomeRow, 'school_id' | 'month' | 'outcome' | 'count'>) => void;
  /** What was built so far, to be absorbed by the builder of the rows before these. */
  part: () => PilotCellsPart;
  /** Takes in the part built from the rows after those added here, as if they had been added. */
  absorb: (part: PilotCellsPart) => void;
  finish: () => PilotCells;
} {
  let verified = true;
  const sites = new Map<string, PilotSiteRow>();
  for (const s of pilot.sites) {
    if (sites.has(s.la_code)) verified = false;
    else sites.set(s.la_code, s);
  }
  // Count outcomes by position, for the rows each school has seen (outcome × month in its window).
  const countOutcomes = new Map<string, number>();
  for (const [outcome, kind] of kinds) if (kind === 'count') countOutcomes.set(outcome, countOutcomes.size);
  const monthOf = new Map<string, number>();
  const monthNumber = (month: string): number => {
    let n = monthOf.get(month);
    if (n === undefined) monthOf.set(month, (n = monthIndex(month)));
    return n;
  };

  type Entry = {
    unit: CellSchool;
    site: PilotSiteRow | undefined;
    /** The school's cells by outcome: [pre, post], as indices into `cells` (-1: none yet). */
    byOutcome: Map<string, [pre: number, post: number]>;
    first: number;
    months: number;
    seen: Uint8Array | null;
    rows: number;
  };
  const schools = new Map<string, Entry>();
  for (const s of pilot.schools) {
    if (schools.has(s.school_id)) verified = false;
    const site = sites.get(s.la_code);
    const ordered =
      site !== undefined && site.baseline_start < site.start_month && site.start_month <= site.end_month;
    const months = ordered ? monthsInclusive(site.baseline_start, site.end_month) : 0;
    if (!ordered || months > MAX_WINDOW_MONTHS) verified = false;
    schools.set(s.school_id, {
      unit: { schoolId: s.school_id, laCode: s.la_code, group: s.group, pupils: s.pupils },
      site,
      byOutcome: new Map(),
      first: ordered ? monthNumber(site.baseline_start) : 0,
      months,
      seen: null,
      rows: 0,
    });
  }

  const cells: Cell[] = [];
  // How many rows each cell sums: a part's cells are absorbed by adding their rows' pupil-years
  // one row at a time, as reading those rows here would have (the same sum, to the last bit).
  const cellRows: number[] = [];
  const measured = new Set<string>();
  // A school's rows usually come together: its entry is kept while the school is the same (one
  // string comparison instead of a Map lookup for most rows). Months are validated YYYY-MM
  // strings, so comparing the strings orders them as monthIndex would.
  let lastId: string | undefined;
  let entry: Entry | undefined;
  const add = (o: Pick<PilotOutcomeRow, 'school_id' | 'month' | 'outcome' | 'count'>): void => {
    if (o.school_id !== lastId) {
      lastId = o.school_id;
      entry = schools.get(o.school_id);
    }
    measured.add(o.outcome);
    const site = entry?.site;
    if (entry === undefined || site === undefined) {
      verified = false;
      return;
    }
    if (verified) {
      const position = countOutcomes.get(o.outcome);
      if (position === undefined || o.month < site.baseline_start || o.month > site.end_month)
        verified = false;
      else {
        const seen = (entry.seen ??= new Uint8Array(countOutcomes.size * entry.months));
        const slot = position * entry.months + monthNumber(o.month) - entry.first;
        if (seen[slot] === 1) verified = false;
        seen[slot] = 1;
        entry.rows += 1;
      }
    }
    const post = o.month < site.start_month ? 0 : 1;
    let pair = entry.byOutcome.get(o.outcome);
    if (pair === undefined) entry.byOutcome.set(o.outcome, (pair = [-1, -1]));
    const at = pair[post];
    if (at !== -1) {
      const cell = cells[at]!;
      cell.count += o.count;
      cell.years += entry.unit.pupils / 12;
      cellRows[at]! += 1;
    } else {
      pair[post] = cells.length;
      cells.push({
        school: entry.unit,
        period: post === 0 ? 'pre' : 'post',
        outcome: o.outcome,
        count: o.count,
        years: entry.unit.pupils / 12,
      });
      cellRows.push(1);
    }
  };
  const entries = [...schools.values()];
  const slots = (e: Entry): number => countOutcomes.size * e.months;
  const part = (): PilotCellsPart => {
    const schoolOf = new Map(entries.map((e, s) => [e, s]));
    const entryOf = new Map<CellSchool, Entry>(entries.map((e) => [e.unit, e]));
    const seen = new Uint8Array(verified ? entries.reduce((n, e) => n + slots(e), 0) : 0);
    if (verified) {
      let at = 0;
      for (const e of entries) {
        if (e.seen) seen.set(e.seen, at);
        at += slots(e);
      }
    }
    const outcomes = [...measured];
    const outcomeIndex = new Map(outcomes.map((o, k) => [o, k]));
    const n = cells.length;
    const out = {
      school: new Int32Array(n),
      outcome: new Uint16Array(n),
      post: new Uint8Array(n),
      count: cells.map((c) => c.count),
      rows: Int32Array.from(cellRows),
    };
    cells.forEach((c, i) => {
      out.school[i] = schoolOf.get(entryOf.get(c.school)!)!;
      out.outcome[i] = outcomeIndex.get(c.outcome)!;
      out.post[i] = c.period === 'pre' ? 0 : 1;
    });
    return {
      verified,
      measured: outcomes,
      schoolRows: Int32Array.from(entries, (e) => e.rows),
      seen,
      cells: out,
    };
  };
  const absorb = (p: PilotCellsPart): void => {
    // A part that broke a rule sends the file to the full checks: its cells are not needed.
    if (!p.verified) verified = false;
    if (!verified) return;
    for (const o of p.measured) measured.add(o);
    let at = 0;
    entries.forEach((e, s) => {
      const size = slots(e);
      if (p.schoolRows[s]! > 0) {
        const seen = (e.seen ??= new Uint8Array(size));
        for (let k = 0; k < size; k++) {
          if (p.seen[at + k] === 1) {
            if (seen[k] === 1) verified = false; // the same school, month and outcome in both parts
            seen[k] = 1;
          }
        }
        e.rows += p.schoolRows[s]!;
      }
      at += size;
    });
    const { school, outcome, post, count, rows } = p.cells;
    for (let i = 0; i < school.length; i++) {
      const e = entries[school[i]!]!;
      const name = p.measured[outcome[i]!]!;
      const years = e.unit.pupils / 12;
      let pair = e.byOutcome.get(name);
      if (pair === undefined) e.byOutcome.set(name, (pair = [-1, -1]));
      let at = pair[post[i]!]!;
      let added = 0;
      if (at === -1) {
        at = pair[post[i]!] = cells.length;
        cells.push({
          school: e.unit,
          period: post[i] === 0 ? 'pre' : 'post',
          outcome: name,
          count: 0,
          years,
        });
        cellRows.push(0);
        added = 1;
      }
      const cell = cells[at]!;
      cell.count += count[i]!;
      for (let r = added; r < rows[i]!; r++) cell.years += years;
      cellRows[at]! += rows[i]!;
    }
  };
  const finish = (): PilotCells => {
    // Complete: every school has each measured outcome in each month of its window.
    if (verified) for (const e of schools.values()) if (e.rows !== e.months * measured.size) verified = false;
    return { cells, measured, verified };
  };
  return { add, part, absorb, finish };
}

/** The pilot's cells from rows already read (see {@link pilotCellsBuilder}). */
export function pilotCells(
  pilot: PilotRows & {
    outcomes: readonly Pick<PilotOutcomeRow, 'school_id' | 'month' | 'outcome' | 'count'>[];
  },
  kinds: ReadonlyMap<string, OutcomeKind> = new Map(),
): Cell[] {
  const builder = pilotCellsBuilder(pilot, kinds);
  for (const row of pilot.outcomes) builder.add(row);
  return builder.finish().cells;
}

/** The trial rows the trial's cells join. */
export interface TrialRows {
  periods: readonly TrialPeriodRow[];
  schools: readonly Pick<TrialSchoolRow, 'school_id' | 'la_code' | 'arm' | 'pupils' | 'status'>[];
  outcomes: readonly (Pick<TrialOutcomeRow, 'school_id' | 'period' | 'outcome' | 'count'> &
    Partial<Pick<TrialOutcomeRow, 'exposure' | 'value'>>)[];
}

/**
 * The trial's cells: each row of an analysed school joined to its school, in row order, with
 * exposure pupils × months in the period / 12. An outcome not in `kinds` is a count.
 */
export function trialCells(
  trial: TrialRows,
  kinds: ReadonlyMap<string, OutcomeKind> = new Map(),
): TrialCell[] {
  const months = new Map(trial.periods.map((p) => [p.period, monthsInclusive(p.start_month, p.end_month)]));
  const schools = new Map(
    trial.schools
      .filter((s) => s.status === 'analysed')
      .map((s) => [
        s.school_id,
        { schoolId: s.school_id, laCode: s.la_code, group: s.arm, pupils: s.pupils },
      ]),
  );
  const cells: TrialCell[] = [];
  for (const o of trial.outcomes) {
    const school = schools.get(o.school_id);
    const m = months.get(o.period);
    if (!school || m === undefined) continue;
    cells.push({
      school,
      period: o.period,
      outcome: o.outcome,
      kind: kinds.get(o.outcome) ?? 'count',
      count: o.count,
      exposure: o.exposure ?? null,
      value: o.value ?? null,
      years: (school.pupils * m) / 12,
    });
  }
  return cells;
}

/** The trial cells of count outcomes, with their count (which a count outcome's cell always has): what rates read. */
export function countCells(cells: readonly TrialCell[]): Cell[] {
  return cells.filter((c): c is TrialCell & { count: number } => c.kind === 'count' && c.count !== null);
}
