import { designMatrix } from './designMatrix.ts';
import type { Design, DesignTerm } from './designMatrix.ts';
import { planModelJobs } from './modelJobs.ts';
import type { DesignRecipe, ModelJob } from './modelJobs.ts';
import { monthsInclusive } from '../data/months.ts';

import type { Estimate, Note } from '../contracts/resultsSchemas.ts';
import type { Cell, TrialCell } from '../data/cells.ts';
import type { PilotSchoolRow, PilotSiteRow, TrialPeriodRow, TrialSchoolRow } from '../data/schemas.ts';

/**
 * What the models read: the studies' schools, and their outcomes as the one table of cells
 * (src/lib/data/cells.ts), each trial cell joined to its school and carrying its outcome's kind.
 */
export interface AnalysesInput {
  trial?: {
    schools: readonly TrialSchoolRow[];
    periods: readonly TrialPeriodRow[];
    cells: readonly TrialCell[];
  };
  pilot?: {
    sites: readonly PilotSiteRow[];
    schools: readonly Pick<PilotSchoolRow, 'school_id' | 'la_code' | 'group' | 'pupils'>[];
    cells: readonly Cell[];
  };
}

type Study = Estimate['study'];
type Analysis = Estimate['analysis'];

interface ModelRow extends Record<string, unknown> {
  y: number;
  offset: number;
  school_id: string;
}

interface Spec {
  /** `count` (negative binomial, events needed in every cell) or `linear` (least squares). */
  model: 'count' | 'linear';
  study: Study;
  outcome: string;
  scope: string;
  analysis: Analysis;
  rows: ModelRow[];
  terms: DesignTerm[];
  /** The coefficient whose exp is the estimate. */
  term: string;
  /**
   * Rows grouped into cells that must each have at least one event (arms, or group × period):
   * the index of a row's cell in `cellNames`. (An index, not the name: a national run classifies
   * hundreds of thousands of rows, and a name would be a new string per row.)
   */
  cell: (row: ModelRow) => number;
  cellNames: readonly string[];
  /**
   * Specs with the same key have the same covariates in the same row order (only the counts
   * differ between outcomes), so their design matrix is built once and shared — as is the
   * solver's analysis of it, shared by the jobs of one batch (modelJobs.ts). A spec without a
   * key has a design of its own, built only when its job is fitted.
   */
  designKey?: string;
}

/**
 * Computes every model estimate of the contract's out/estimates.json (rate ratios with 95% Wald
 * intervals from `fitNegativeBinomial`, Poisson where θ is not finite or the fit fails; for a
 * trial outcome of kind `score`, differences in means by `fitLinearModel`, as R's lm, with t
 * intervals; for kind `sessions`, the count models with sessions missed as the count, the row's
 * sessions possible as exposure, and baseline_rate = baseline % of sessions missed):
 * - trial adjusted, per outcome, overall: count ~ arm + baseline_rate + fsm_percent +
 *   log(pupils) + la_code + offset(log(pupils × followup_months/12)), analysed schools only,
 *   baseline_rate = baseline count per 1,000 pupils per year;
 * - trial unadjusted, per outcome, overall and per la_code: count ~ arm + offset(…);
 * - pilot did, per outcome, per la_code and overall (+ la_code): count ~ group + post +
 *   group:post + offset(log(pupils × months/12)), one row per school and pre/post period; the
 *   estimate is exp of the interaction.
 * A model with an arm (or a group × period cell) without events, or that cannot be fitted, gives
 * a `not_estimable` note instead of an estimate. Output sorted by study, outcome, scope, analysis.
 *
 * Reference: Hilbe (2011) Negative Binomial Regression, 2nd ed., ch. 8; Venables & Ripley (2002) §7.4.
 */
export function analyses(input: AnalysesInput, options: AnalysesOptions = {}): AnalysesOutput {
  return startAnalyses(input, options).finish();
}

/** Options for {@link analyses} and {@link startAnalyses}. */
export interface AnalysesOptions {
  /** Whether fits may run on a worker thread too (see modelJobs.ts); default 'auto'. */
  parallel?: boolean | 'auto';
  /**
   * Called between planning and fitting, when the specs' rows (most of what planning
   * allocated) have become garbage: the results command collects it there.
   */
  beforeFits?: () => void;
}

/** The estimates, and the notes on fallbacks and on the models that could not be fitted. */
export type AnalysesOutput = { estimates: Estimate[]; notes: Note[] };

/**
 * {@link analyses} in two steps: plans the models and starts their fits on a worker thread
 * (modelJobs.ts) and returns; `finish()` fits the rest on this thread and returns what analyses
 * returns. Why: the fits are the longest phase of the results command, and the worker can start
 * on them while this thread computes the descriptive rates.
 */
export function startAnalyses(
  input: AnalysesInput,
  options: AnalysesOptions = {},
): { finish: () => AnalysesOutput } {
  // The fits' worker loads while this thread plans them (about a second at national scale). Each
  // cell is a row of a national model and of an authority's: their number is about the jobs' rows.
  const cells = (input.trial?.cells.length ?? 0) + (input.pilot?.cells.length ?? 0);
  const planned = planModelJobs(cells, options.parallel ?? 'auto');
  let fits: Fit[], notes: Note[];
  try {
    ({ fits, notes } = planFits(input));
  } catch (e) {
    planned.stop();
    throw e;
  }
  options.beforeFits?.();
  // The jobs are let go of as they are fitted (see modelJobs.ts): only the keys are kept here.
  const underWay = planned.start(fits.map((f) => f.job));
  const keys = fits.map(({ key, schools }) => ({ key, schools }));
  return {
    finish: () => {
      const outcomes = underWay.finish();
      const estimates: Estimate[] = [];
      keys.forEach(({ key, schools }, i) => {
        const outcome = outcomes[i]!;
        if (outcome.status === 'not_estimable') {
          notes.push({ ...key, kind: 'not_estimable', reason: outcome.reason });
          return;
        }
        if (outcome.model === 'poisson')
          notes.push({ ...key, kind: 'poisson_fallback', reason: outcome.fallbackReason ?? 'Poisson used' });
        estimates.push({
          ...key,
          effect: outcome.effect,
          model: outcome.model,
          estimate: outcome.estimate,
          ciLow: outcome.ciLow,
          ciHigh: outcome.ciHigh,
          pValue: outcome.pValue,
          schools,
          ...(outcome.theta !== undefined ? { theta: outcome.theta } : {}),
        });
      });
      return { estimates: estimates.sort(byKey), notes: notes.sort(byKey) };
    },
  };
}

/** A model to fit, with what its estimate will say besides the fit: its key and its schools. */
type Fit = { key: ModelKey; schools: number; job: ModelJob };

/**
 * The models to fit — the national ones first, then the per-authority ones (small and many), so
 * that the two threads sharing them take the longest first and finish together (modelJobs.ts) —
 * and a note for each model that cannot be fitted. Its own function so that the specs' rows (one
 * object per school and period and outcome, ~60 MB at three times national scale) can be
 * collected before the fits begin: the jobs keep only their arrays, except a job whose design is
 * built when it is fitted (a DesignRecipe: the trial's adjusted models), which keeps its rows, one
 * per school, until then.
 */
function planFits(input: AnalysesInput): { fits: Fit[]; notes: Note[] } {
  // The specs are made one outcome at a time as they are read (generators), so the rows of
  // only one outcome are held at once.
  const specs = (function* () {
    if (input.trial) yield* trialSpecs(input.trial);
    if (input.pilot) yield* pilotSpecs(input.pilot);
  })();
  const notes: Note[] = [];
  const designs = new Map<string, Design>();
  const national: Fit[] = [];
  const perAuthority: Fit[] = [];
  for (const spec of specs) {
    const key = { study: spec.study, outcome: spec.outcome, scope: spec.scope, analysis: spec.analysis };
    const cells = spec.cellNames.length;
    const rowsIn = new Array<number>(cells).fill(0);
    const eventsIn = new Array<number>(cells).fill(0);
    for (const row of spec.rows) {
      const c = spec.cell(row);
      rowsIn[c]! += 1;
      eventsIn[c]! += row.y;
    }
    // A cell without events makes a rate ratio infinite or zero; a mean needs rows only.
    const empty =
      spec.model === 'count' ? spec.cellNames.filter((_, c) => rowsIn[c]! > 0 && eventsIn[c] === 0) : [];
    const missing = rowsIn.some((r) => r === 0);
    if (missing || empty.length > 0) {
      const reason = missing
        ? `no schools in some ${spec.analysis === 'did' ? 'group × period cells' : 'arms'}`
        : `no events in ${empty.sort().join(', ')}`;
      notes.push({ ...key, kind: 'not_estimable', reason });
      continue;
    }
    // A design that several outcomes share is built once, here; one that a single job uses is
    // built when the job is fitted, from its rows and terms (a DesignRecipe, see modelJobs.ts).
    let design: Design | DesignRecipe | undefined;
    if (spec.designKey === undefined) design = { rows: spec.rows, terms: spec.terms };
    else {
      design = designs.get(spec.designKey);
      if (design === undefined) designs.set(spec.designKey, (design = designMatrix(spec.rows, spec.terms)));
    }
    const job: ModelJob = {
      model: spec.model,
      y: spec.rows.map((r) => r.y),
      offset: spec.rows.map((r) => r.offset),
      term: spec.term,
      ...design,
    };
    const ids = new Set<string>();
    for (const row of spec.rows) ids.add(row.school_id);
    const schools = ids.size;
    (spec.scope === 'overall' ? national : perAuthority).push({ key, schools, job });
  }
  return { fits: [...national, ...perAuthority], notes };
}

/** What identifies an estimate, or the note given instead of one. */
export type ModelKey = Omit<Note, 'kind' | 'reason'>;

/** What {@link modelKeys} reads: each study's schools and the outcomes of its cells. */
export interface ModelKeysInput {
  trial?: {
    schools: readonly Pick<TrialSchoolRow, 'la_code' | 'status'>[];
    cells: readonly { outcome: string }[];
  };
  pilot?: { schools: readonly Pick<PilotSchoolRow, 'la_code'>[]; cells: readonly { outcome: string }[] };
}

/**
 * The key of every estimate {@link analyses} gives for this input (an estimate, or a note saying
 * why not), worked out without fitting anything, in the same order: what a page may name (see
 * src/lib/content/mdxKeys.ts). The specs below are made from the same outcome and scope lists.
 */
export function modelKeys(input: ModelKeysInput): ModelKey[] {
  const keys: ModelKey[] = [];
  if (input.trial) {
    const authorities = trialAuthorities(input.trial.schools);
    for (const outcome of studyOutcomes(input.trial.cells)) {
      keys.push({ study: 'trial', outcome, scope: 'overall', analysis: 'adjusted' });
      for (const scope of ['overall', ...authorities])
        keys.push({ study: 'trial', outcome, scope, analysis: 'unadjusted' });
    }
  }
  if (input.pilot) {
    const authorities = sortedUnique(input.pilot.schools.map((s) => s.la_code));
    for (const outcome of studyOutcomes(input.pilot.cells))
      for (const scope of ['overall', ...authorities])
        keys.push({ study: 'pilot', outcome, scope, analysis: 'did' });
  }
  return keys.sort(byKey);
}

/** A study's outcomes, each with at least one cell, sorted. */
function studyOutcomes(cells: readonly { outcome: string }[]): string[] {
  // A loop rather than a map: the pilot's table is hundreds of thousands of cells.
  const outcomes = new Set<string>();
  for (const c of cells) outcomes.add(c.outcome);
  return sortedUnique(outcomes);
}

/** The authorities with analysed trial schools, sorted: each has its own unadjusted model. */
const trialAuthorities = (schools: readonly Pick<TrialSchoolRow, 'la_code' | 'status'>[]): string[] =>
  sortedUnique(schools.filter((s) => s.status === 'analysed').map((s) => s.la_code));

function byKey(a: ModelKey, b: ModelKey): number {
  for (const k of ['study', 'outcome', 'scope', 'analysis'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

const sortedUnique = (values: Iterable<string>): string[] =>
  [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** Rows grouped by la_code, in sorted la_code order, each group in row order (one pass, not a filter per authority). */
function rowsByLa(rows: readonly ModelRow[]): [string, ModelRow[]][] {
  const groups = new Map<string, ModelRow[]>();
  for (const row of rows) {
    const la = row['la_code'] as string;
    let group = groups.get(la);
    if (group === undefined) groups.set(la, (group = []));
    group.push(row);
  }
  return sortedUnique(groups.keys()).map((la) => [la, groups.get(la)!]);
}

function* trialSpecs(trial: NonNullable<AnalysesInput['trial']>): Generator<Spec> {
  const period = (name: 'baseline' | 'followup'): number => {
    const row = trial.periods.find((p) => p.period === name);
    if (!row) throw new RangeError(`analyses: trial.periods has no ${name} period`);
    return monthsInclusive(row.start_month, row.end_month);
  };
  const baselineMonths = period('baseline');
  const followupMonths = period('followup');
  const byKey = new Map(
    trial.cells.map((c) => [`${c.school.schoolId}\u0000${c.period}\u0000${c.outcome}`, c]),
  );
  /** A school's count, exposure or value of an outcome in a period, which its kind says it has. */
  const cell = (
    school: string,
    p: string,
    outcome: string,
    column: 'count' | 'exposure' | 'value',
  ): number => {
    const c = byKey.get(`${school}\u0000${p}\u0000${outcome}`)?.[column];
    if (c === undefined || c === null)
      throw new RangeError(`analyses: trial.cells has no ${p} ${outcome} ${column} for a school`);
    return c;
  };
  const kinds = new Map(trial.cells.map((c) => [c.outcome, c.kind]));
  const schools = trial.schools.filter((s) => s.status === 'analysed');
  const armCell = (row: ModelRow): number => (row['arm'] === 1 ? 0 : 1);
  const armNames = ['the swis arm', 'the control arm'];
  for (const outcome of studyOutcomes(trial.cells)) {
    const kind = kinds.get(outcome)!;
    // The response and the adjusted model's baseline term, by kind (the contract's table):
    // count, events with exposure pupils × months / 12 and baseline events per 1,000 pupils a
    // year; sessions, sessions missed with the row's own exposure and baseline % missed; score,
    // the follow-up score and the baseline score, with no exposure.
    const baselineTerm = kind === 'score' ? 'baseline_value' : 'baseline_rate';
    const rows: ModelRow[] = schools.map((s) => {
      const common = {
        school_id: s.school_id,
        arm: s.arm === 'swis' ? 1 : 0,
        fsm_percent: s.fsm_percent,
        log_pupils: Math.log(s.pupils),
        la_code: s.la_code,
      };
      const id = s.school_id;
      const [y, offset, baseline] =
        kind === 'score'
          ? [cell(id, 'followup', outcome, 'value'), 0, cell(id, 'baseline', outcome, 'value')]
          : kind === 'sessions'
            ? [
                cell(id, 'followup', outcome, 'count'),
                Math.log(cell(id, 'followup', outcome, 'exposure')),
                (cell(id, 'baseline', outcome, 'count') / cell(id, 'baseline', outcome, 'exposure')) * 100,
              ]
            : [
                cell(id, 'followup', outcome, 'count'),
                Math.log((s.pupils * followupMonths) / 12),
                (cell(id, 'baseline', outcome, 'count') / s.pupils) * 1000 * (12 / baselineMonths),
              ];
      return { ...common, y, offset, [baselineTerm]: baseline };
    });
    const base = {
      model: kind === 'score' ? ('linear' as const) : ('count' as const),
      study: 'trial' as const,
      outcome,
      term: 'arm',
      cell: armCell,
      cellNames: armNames,
    };
    yield {
      ...base,
      scope: 'overall',
      analysis: 'adjusted',
      rows,
      terms: [
        { numeric: 'arm' },
        { numeric: baselineTerm },
        { numeric: 'fsm_percent' },
        { numeric: 'log_pupils' },
        { factor: 'la_code' },
      ],
    };
    yield {
      ...base,
      scope: 'overall',
      analysis: 'unadjusted',
      rows,
      terms: [{ numeric: 'arm' }],
      designKey: 'trial:overall',
    };
    for (const [la, laRows] of rowsByLa(rows)) {
      yield {
        ...base,
        scope: la,
        analysis: 'unadjusted',
        rows: laRows,
        terms: [{ numeric: 'arm' }],
        designKey: `trial:${la}`,
      };
    }
  }
}

function* pilotSpecs(pilot: NonNullable<AnalysesInput['pilot']>): Generator<Spec> {
  const sites = new Map(pilot.sites.map((s) => [s.la_code, s]));
  // Each school's counts by outcome and period, from its cells, in one array: school s's
  // count of outcome k before (0) or after (1) the start is at ((s × outcomes) + k) × 2 + period.
  // (Not a Map of pairs per school: 60,000 schools at three times national scale.)
  const outcomes = studyOutcomes(pilot.cells);
  const outcomeIndex = new Map(outcomes.map((o, k) => [o, k]));
  const schoolIndex = new Map<string, number>();
  for (const c of pilot.cells)
    if (!schoolIndex.has(c.school.schoolId)) schoolIndex.set(c.school.schoolId, schoolIndex.size);
  const sums = new Float64Array(schoolIndex.size * outcomes.length * 2);
  for (const c of pilot.cells) {
    const at = schoolIndex.get(c.school.schoolId)! * outcomes.length + outcomeIndex.get(c.outcome)!;
    sums[at * 2 + (c.period === 'pre' ? 0 : 1)]! += c.count;
  }
  // Months before and after the start, per site (once per site, not per school and outcome).
  const monthsBySite = new Map<PilotSiteRow, [number, number]>();
  const siteMonths = (site: PilotSiteRow): [number, number] => {
    let months = monthsBySite.get(site);
    if (months === undefined) {
      months = [
        monthsInclusive(site.baseline_start, site.start_month) - 1,
        monthsInclusive(site.start_month, site.end_month),
      ];
      if (months[0] === 0)
        throw new RangeError(`analyses: pilot site ${site.la_code} has no months before start_month`);
      monthsBySite.set(site, months);
    }
    return months;
  };
  // What a school's rows have whatever the outcome, worked out once per school rather than once
  // per school and outcome: its place in the sums, its group and its two offsets.
  const perSchool =
    outcomes.length === 0
      ? []
      : pilot.schools.map((school) => {
          const site = sites.get(school.la_code);
          if (!site)
            throw new RangeError(
              `analyses: pilot.schools names la_code ${school.la_code}, which is not a site`,
            );
          const months = siteMonths(site);
          return {
            at: schoolIndex.get(school.school_id),
            group: school.group === 'swis' ? 1 : 0,
            offsets: [0, 1].map((post) => Math.log((school.pupils * months[post]!) / 12)),
          };
        });
  const count = (at: number | undefined, k: number, post: 0 | 1): number =>
    at === undefined ? 0 : sums[(at * outcomes.length + k) * 2 + post]!;
  const didCell = (row: ModelRow): number => (row['group'] === 1 ? 0 : 2) + (row['post'] === 1 ? 0 : 1);
  const didNames = [
    'swis schools after the start',
    'swis schools before the start',
    'comparison schools after the start',
    'comparison schools before the start',
  ];
  for (const [k, outcome] of outcomes.entries()) {
    const rows: ModelRow[] = [];
    pilot.schools.forEach((school, i) => {
      const { at, group, offsets } = perSchool[i]!;
      for (const post of [0, 1] as const) {
        rows.push({
          school_id: school.school_id,
          y: count(at, k, post),
          offset: offsets[post]!,
          group,
          post,
          group_post: group * post,
          la_code: school.la_code,
        });
      }
    });
    const base = {
      model: 'count' as const,
      study: 'pilot' as const,
      outcome,
      analysis: 'did' as const,
      term: 'group_post',
      cell: didCell,
      cellNames: didNames,
    };
    const terms: DesignTerm[] = [{ numeric: 'group' }, { numeric: 'post' }, { numeric: 'group_post' }];
    yield {
      ...base,
      scope: 'overall',
      rows,
      terms: [...terms, { factor: 'la_code' }],
      designKey: 'pilot:overall',
    };
    for (const [la, laRows] of rowsByLa(rows))
      yield { ...base, scope: la, rows: laRows, terms, designKey: `pilot:${la}` };
  }
}
