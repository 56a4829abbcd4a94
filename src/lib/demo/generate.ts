/**
 * Synthetic demonstration data for the SWIS site, calibrated to published figures.
 *
 * Nothing here is a real school record. The generator is pure: all randomness comes from one
 * d3 `randomLcg` source seeded by the caller, and every table is sorted and formatted with fixed
 * precision, so the same seed and inputs give the same bytes.
 */
import { randomGamma, randomLcg, randomNormal, randomPoisson } from 'd3';
import { monthFromIndex, monthIndex, monthRange } from '../data/months.ts';
import type { TrialSchoolRow } from '../data/schemas.ts';
import type { CsvTable } from './csv.ts';
import { toCsv } from './csv.ts';
import type { AuthorityRates, ContextRow, DemoOutcome } from './rates.ts';
import { authorityRates, DEMO_OUTCOMES } from './rates.ts';
import { EDUCATION_OUTCOMES, educationRows } from './education.ts';

/** The default seed used by `npm run demo-data`. */
export const DEFAULT_SEED = 20190101;

/** The published trial size (Westlake et al. 2025, RSWP). */
export const TRIAL_SCHOOLS = { swis: 136, control: 132 } as const;
/** Pupils in the 268 randomised schools (RSWP 2025). Generated rolls are scaled to within 0.5%. */
export const TRIAL_PUPILS = 278_858;

/**
 * Share of the whole-authority rate per child aged 0–17 that is recorded against a school's
 * pupils. A demonstration choice, not a published figure: outcomes are events among pupils on the
 * roll, and the youngest children (who are not pupils) have the highest rates, so we take one half.
 */
export const SCHOOL_RATE_SCALE = 0.5;

/** True rate ratios for SWIS in the trial follow-up: S47 as published (1.055), others null. */
export const TRIAL_TRUE_RATE_RATIO: Readonly<Record<DemoOutcome, number>> = {
  referral: 1.0,
  s17: 1.0,
  s47: 1.055,
  cla_start: 1.0,
};

/** The 21 trial authorities with the codes used when data/authorities.csv does not say otherwise. */
export const TRIAL_AUTHORITIES: readonly {
  la_code: string;
  la_name: string;
  schools: number;
  fsm: number;
}[] = [
  // schools: randomised schools per authority (illustrative; sums to 268, four odd sizes give the
  // extra SWIS school so the arms are 136/132). fsm: typical secondary % eligible for free school meals.
  { la_code: 'E09000008', la_name: 'Croydon', schools: 12, fsm: 25 },
  { la_code: 'E10000006', la_name: 'Cumbria', schools: 18, fsm: 14 },
  { la_code: 'E10000008', la_name: 'Devon', schools: 20, fsm: 14 },
  { la_code: 'E09000009', la_name: 'Ealing', schools: 12, fsm: 22 },
  { la_code: 'E08000037', la_name: 'Gateshead', schools: 10, fsm: 25 },
  { la_code: 'E09000014', la_name: 'Haringey', schools: 10, fsm: 27 },
  { la_code: 'E09000015', la_name: 'Harrow', schools: 10, fsm: 15 },
  { la_code: 'E06000010', la_name: 'Kingston upon Hull', schools: 12, fsm: 32 },
  { la_code: 'E09000022', la_name: 'Lambeth', schools: 12, fsm: 33 },
  { la_code: 'E09000024', la_name: 'Merton', schools: 8, fsm: 18 },
  { la_code: 'E08000021', la_name: 'Newcastle upon Tyne', schools: 12, fsm: 30 },
  { la_code: 'E08000006', la_name: 'Salford', schools: 12, fsm: 30 },
  { la_code: 'E06000066', la_name: 'Somerset', schools: 18, fsm: 15 },
  { la_code: 'E09000028', la_name: 'Southwark', schools: 12, fsm: 33 },
  { la_code: 'E10000028', la_name: 'Staffordshire', schools: 20, fsm: 17 },
  { la_code: 'E09000029', la_name: 'Sutton', schools: 10, fsm: 13 },
  { la_code: 'E06000030', la_name: 'Swindon', schools: 9, fsm: 18 },
  { la_code: 'E08000008', la_name: 'Tameside', schools: 13, fsm: 25 },
  { la_code: 'E09000030', la_name: 'Tower Hamlets', schools: 11, fsm: 45 },
  { la_code: 'E08000015', la_name: 'Wirral', schools: 14, fsm: 26 },
  { la_code: 'E08000031', la_name: 'Wolverhampton', schools: 13, fsm: 30 },
];

/** Trial periods: one school year of baseline, then 23 months of follow-up to July 2022. */
export const TRIAL_PERIODS = [
  { period: 'baseline', start_month: '2019-09', end_month: '2020-08' },
  { period: 'followup', start_month: '2020-09', end_month: '2022-07' },
] as const;
/** Context years (ending 31 March) used for each trial period's authority rates. */
const TRIAL_CONTEXT_YEARS = { baseline: [2020], followup: [2021, 2022] } as const;

/** Follow-up lengths the generator accepts: the trial reported at 23 months, then 35. */
export const DEFAULT_FOLLOW_UP_MONTHS = 23;

/** The month after a `YYYY-MM` month. */
const monthAfter = (month: string): string => monthFromIndex(monthIndex(month) + 1);

/**
 * The trial periods for a follow-up of `followUpMonths` whole months from September 2020, and the
 * context years (ending 31 March) whose authority rates drive each period. 23 months gives
 * TRIAL_PERIODS (to July 2022); 35 gives a follow-up to July 2023 using 2021–2023 rates.
 * Throws RangeError outside 1–60 months.
 */
export function trialPeriods(followUpMonths: number = DEFAULT_FOLLOW_UP_MONTHS) {
  if (!Number.isInteger(followUpMonths) || followUpMonths < 1 || followUpMonths > 60)
    throw new RangeError(
      `trialPeriods: followUpMonths must be a whole number from 1 to 60, found ${followUpMonths}`,
    );
  const [start, { start_month: followUpStart }] = TRIAL_PERIODS;
  const endMonth = monthFromIndex(monthIndex(followUpStart) + followUpMonths - 1);
  const years = Array.from({ length: Math.floor((followUpMonths - 1) / 12) + 1 }, (_, i) => 2021 + i);
  return {
    periods: [start, { period: 'followup', start_month: followUpStart, end_month: endMonth }] as const,
    contextYears: { baseline: TRIAL_CONTEXT_YEARS.baseline, followup: years },
  };
}

/** A pilot cluster of SWIS schools (secondary with feeder primaries). */
interface PilotCluster {
  secondary: number;
  primary: number;
  pru: number;
}

/**
 * Pilot sites, windows and the SWIS schools that enter the comparison. Windows: baseline from
 * September 2017, social workers in schools from January 2019, post-period of 10 months to
 * October 2019 (the pilots ran about 10 months). `effect` is the true post-period rate ratio in
 * SWIS schools, giving the direction of the published findings (fewer S47 enquiries in Lambeth and
 * Southampton, fewer S17 assessments in Stockport); the sizes are illustrative, not published.
 *
 * Southampton's programme had 3 secondary, 14 primary and 1 pupil referral unit in three clusters.
 * The published comparison left out the third cluster (high social, emotional and mental health
 * needs; here 1 secondary, 4 primary and the PRU), so only the two included clusters and their
 * matched comparison schools are generated: the pilot files are the analysis input, and schools
 * outside the comparison would otherwise enter the difference in differences.
 */
export const PILOT_SITES: readonly {
  la_code: string;
  la_name: string;
  baseline_start: string;
  start_month: string;
  end_month: string;
  clusters: readonly PilotCluster[];
  effect: Partial<Record<DemoOutcome, number>>;
}[] = [
  {
    la_code: 'E09000022',
    la_name: 'Lambeth',
    baseline_start: '2017-09',
    start_month: '2019-01',
    end_month: '2019-10',
    // 5 secondary schools, each with a social worker, working with 8 feeder primaries.
    clusters: [
      { secondary: 1, primary: 2, pru: 0 },
      { secondary: 1, primary: 2, pru: 0 },
      { secondary: 1, primary: 2, pru: 0 },
      { secondary: 1, primary: 1, pru: 0 },
      { secondary: 1, primary: 1, pru: 0 },
    ],
    effect: { s47: 0.8 },
  },
  {
    la_code: 'E06000045',
    la_name: 'Southampton',
    baseline_start: '2017-09',
    start_month: '2019-01',
    end_month: '2019-10',
    // Clusters 1 and 2 only; cluster 3 (1 secondary, 4 primary, 1 PRU) was excluded from the comparison.
    clusters: [
      { secondary: 1, primary: 5, pru: 0 },
      { secondary: 1, primary: 5, pru: 0 },
    ],
    effect: { s47: 0.8 },
  },
  {
    la_code: 'E08000007',
    la_name: 'Stockport',
    baseline_start: '2017-09',
    start_month: '2019-01',
    end_month: '2019-10',
    // Werneth cluster: 2 secondary, 9 primary.
    clusters: [{ secondary: 2, primary: 9, pru: 0 }],
    effect: { s17: 0.85 },
  },
];
/** Context years (ending 31 March) used for the pilot authorities' rates. */
const PILOT_CONTEXT_YEARS = [2018, 2019, 2020] as const;

/** Options for `generateDemoData`. */
export interface DemoOptions {
  seed?: number;
  /** Rows of data/context/la-statistics.csv; empty means fallback rates throughout. */
  context?: readonly ContextRow[];
  /** Override trial authority codes by name (e.g. the Somerset code used in data/authorities.csv). */
  trialCodes?: Readonly<Record<string, string>>;
  /** Whole months of trial follow-up from September 2020; 23 (the default) or 35 as published. */
  followUpMonths?: number;
  /**
   * dataset.csv's `extracted_month`: by default the month after the trial follow-up ends (the
   * first month its data could be complete); null leaves the column out, as in the data the
   * demonstration releases were made from before the column existed.
   */
  extractedMonth?: string | null;
  /**
   * The band of little or no difference written into outcomes.csv for every outcome, as a %
   * change in the rate (default 10: rate ratios 0.90 to 1.10, a common choice for outcomes like
   * these); null leaves the column out, as data made before the column existed did.
   */
  noDifferenceBand?: number | null;
  /**
   * Whether the trial has attendance and attainment (outcome kinds `sessions` and `score`) beside
   * the social care counts; default true. Without them the files are exactly as before kinds.
   */
  education?: boolean;
}

/** One file of the demonstration data set, relative to the data folder. */
export interface DemoFile {
  path: string;
  table: CsvTable;
}

/** Trial school as generated (before formatting): a row of trial/schools.csv as the loader reads it. */
export type TrialSchool = TrialSchoolRow;

/** Everything the generator produces, as formatted tables plus the trial schools for checks. */
export interface DemoData {
  seed: number;
  files: DemoFile[];
  trialSchools: TrialSchool[];
  /** Where each authority's rates came from, for the report. */
  rateSources: Record<string, AuthorityRates['source']>;
}

type Rng = () => number;

/** Number of whole months in an inclusive YYYY-MM window. */
export function monthsInWindow(start: string, end: string): number {
  return monthRange(start, end).length;
}

function poisson(rng: Rng, lambda: number): number {
  return lambda > 0 ? randomPoisson.source(rng)(lambda)() : 0;
}
/** Gamma with mean 1 and shape k (variance 1/k): the negative binomial mixing distribution. */
function frailty(rng: Rng, k: number): number {
  return randomGamma.source(rng)(k, 1 / k)();
}
function normal(rng: Rng, mu: number, sigma: number): number {
  return randomNormal.source(rng)(mu, sigma)();
}
function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}
function compare(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Scales rolls so they sum to the target, keeping each within [lo, hi]. */
function scaleRolls(rolls: number[], target: number, lo: number, hi: number): number[] {
  let out = rolls;
  for (let i = 0; i < 20; i += 1) {
    const sum = out.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - target) <= 0.5) break;
    const f = target / sum;
    out = out.map((r) => clamp(Math.round(r * f), lo, hi));
  }
  // Put any remaining difference on schools with room, one pupil at a time.
  let diff = target - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && i < out.length * 4; i += 1) {
    const j = i % out.length;
    const r = out[j] as number;
    if (diff > 0 && r < hi) {
      out[j] = r + 1;
      diff -= 1;
    } else if (diff < 0 && r > lo) {
      out[j] = r - 1;
      diff += 1;
    }
  }
  return out;
}

function trialTables(
  rng: Rng,
  options: DemoOptions,
  sources: DemoData['rateSources'],
  educationRng: Rng | null,
) {
  const context = options.context ?? [];
  const { periods, contextYears } = trialPeriods(options.followUpMonths);
  const authorities = TRIAL_AUTHORITIES.map((a) => ({
    ...a,
    la_code: options.trialCodes?.[a.la_name] ?? a.la_code,
  }));
  // Draft schools per authority, then randomise 1:1 within authority (extra school to SWIS).
  const draft: { la_code: string; fsmMean: number; arm: 'swis' | 'control' }[] = [];
  for (const a of authorities) {
    const arms = shuffle(
      rng,
      Array.from(
        { length: a.schools },
        (_, i) => (i < Math.ceil(a.schools / 2) ? 'swis' : 'control') as 'swis' | 'control',
      ),
    );
    for (const arm of arms) draft.push({ la_code: a.la_code, fsmMean: a.fsm, arm });
  }
  const rolls = scaleRolls(
    draft.map(() => clamp(Math.round(normal(rng, 1040, 300)), 600, 2000)),
    TRIAL_PUPILS,
    600,
    2000,
  );
  const schools: TrialSchool[] = draft.map((d, i) => ({
    school_id: `T${String(i + 1).padStart(3, '0')}`,
    la_code: d.la_code,
    arm: d.arm,
    pupils: rolls[i] as number,
    fsm_percent: Math.round(clamp(normal(rng, d.fsmMean, 6), 2, 75) * 10) / 10,
    status: 'analysed',
  }));
  // A handful of schools leave: 3 withdrawn, 2 lost to follow-up, chosen at random.
  const leavers = shuffle(
    rng,
    schools.map((_, i) => i),
  ).slice(0, 5);
  leavers.forEach((idx, k) => {
    const s = schools[idx] as TrialSchool;
    s.status = k < 3 ? 'withdrawn' : 'lost_to_follow_up';
  });

  const rates = new Map<string, Record<'baseline' | 'followup', AuthorityRates>>();
  for (const a of authorities) {
    const baseline = authorityRates(context, a.la_code, contextYears.baseline);
    const followup = authorityRates(context, a.la_code, contextYears.followup);
    rates.set(a.la_code, { baseline, followup });
    sources[`trial ${a.la_code}`] = followup.source;
  }

  const outcomeRows: string[][] = [];
  for (const s of schools) {
    // Persistent school-level heterogeneity (shared by periods, so baseline predicts follow-up)
    // and a modest gradient with free school meals.
    const school = frailty(rng, 5) * Math.pow(s.fsm_percent / 22, 0.4);
    for (const p of periods) {
      const years = monthsInWindow(p.start_month, p.end_month) / 12;
      const laRates = rates.get(s.la_code)?.[p.period];
      for (const outcome of DEMO_OUTCOMES) {
        const base = (laRates?.rates[outcome] ?? 0) * SCHOOL_RATE_SCALE;
        const effect = s.arm === 'swis' && p.period === 'followup' ? TRIAL_TRUE_RATE_RATIO[outcome] : 1;
        // Period-specific gamma noise makes the counts negative binomial.
        const lambda = base * s.pupils * years * school * effect * frailty(rng, 12);
        const count = poisson(rng, lambda);
        if (s.status === 'analysed')
          outcomeRows.push([
            s.school_id,
            p.period,
            outcome,
            String(count),
            ...(educationRng ? ['', ''] : []),
          ]);
      }
    }
  }
  // From a stream of their own, so that the social care counts are the same with or without them.
  if (educationRng) {
    const analysed = schools.filter((s) => s.status === 'analysed');
    const spans = periods.map((p) => ({
      period: p.period,
      months: monthsInWindow(p.start_month, p.end_month),
    }));
    outcomeRows.push(...educationRows(educationRng, analysed, spans));
  }
  return {
    schools,
    files: [
      {
        path: 'trial/periods.csv',
        table: {
          header: ['period', 'start_month', 'end_month'],
          rows: periods.map((p) => [p.period, p.start_month, p.end_month]),
        },
      },
      {
        path: 'trial/schools.csv',
        table: {
          header: ['school_id', 'la_code', 'arm', 'pupils', 'fsm_percent', 'status'],
          rows: schools
            .map((s) => [s.school_id, s.la_code, s.arm, String(s.pupils), s.fsm_percent.toFixed(1), s.status])
            .sort(compare),
        },
      },
      {
        path: 'trial/outcomes.csv',
        table: {
          header: ['school_id', 'period', 'outcome', 'count', ...(educationRng ? ['exposure', 'value'] : [])],
          rows: outcomeRows.sort(compare),
        },
      },
    ] satisfies DemoFile[],
  };
}

function pilotTables(rng: Rng, options: DemoOptions, sources: DemoData['rateSources']): DemoFile[] {
  const context = options.context ?? [];
  const schoolRows: string[][] = [];
  const outcomeRows: string[][] = [];
  let n = 0;
  const sizes = { secondary: [1000, 250], primary: [400, 120], pru: [60, 15] } as const;
  for (const site of PILOT_SITES) {
    const laRates = authorityRates(context, site.la_code, PILOT_CONTEXT_YEARS);
    sources[`pilot ${site.la_code}`] = laRates.source;
    const window = monthRange(site.baseline_start, site.end_month);
    // Matched comparison: one school of the same phase and similar size per SWIS school.
    const phases: ('secondary' | 'primary' | 'pru')[] = site.clusters.flatMap((c) => [
      ...Array<'secondary'>(c.secondary).fill('secondary'),
      ...Array<'primary'>(c.primary).fill('primary'),
      ...Array<'pru'>(c.pru).fill('pru'),
    ]);
    for (const phase of phases) {
      const [mean, sd] = sizes[phase];
      const pupils = Math.max(20, Math.round(normal(rng, mean, sd)));
      const matched = Math.max(20, Math.round(pupils * Math.exp(normal(rng, 0, 0.08))));
      for (const [group, roll] of [
        ['swis', pupils],
        ['comparison', matched],
      ] as const) {
        n += 1;
        const id = `P${String(n).padStart(3, '0')}`;
        schoolRows.push([id, site.la_code, group, phase, String(roll)]);
        const school = frailty(rng, 4);
        for (const month of window) {
          const post = month >= site.start_month;
          for (const outcome of DEMO_OUTCOMES) {
            const effect = group === 'swis' && post ? (site.effect[outcome] ?? 1) : 1;
            const lambda = (laRates.rates[outcome] * SCHOOL_RATE_SCALE * roll * school * effect) / 12;
            outcomeRows.push([id, month, outcome, String(poisson(rng, lambda))]);
          }
        }
      }
    }
  }
  return [
    {
      path: 'pilot/sites.csv',
      table: {
        header: ['la_code', 'baseline_start', 'start_month', 'end_month'],
        rows: PILOT_SITES.map((s) => [s.la_code, s.baseline_start, s.start_month, s.end_month]).sort(compare),
      },
    },
    {
      path: 'pilot/schools.csv',
      table: { header: ['school_id', 'la_code', 'group', 'phase', 'pupils'], rows: schoolRows.sort(compare) },
    },
    {
      path: 'pilot/outcomes.csv',
      table: { header: ['school_id', 'month', 'outcome', 'count'], rows: outcomeRows.sort(compare) },
    },
  ];
}

const OUTCOME_ROWS: readonly (readonly [DemoOutcome, string, string])[] = [
  [
    'referral',
    "Referrals to children's social care",
    "Requests to children's social care to assess whether a child needs help or protection.",
  ],
  [
    's17',
    'Section 17 (child in need) assessments',
    'Assessments under Section 17 of the Children Act 1989 of whether a child is in need of services.',
  ],
  [
    's47',
    'Section 47 enquiries',
    'Child protection enquiries made when there is reasonable cause to suspect a child is suffering, or likely to suffer, significant harm.',
  ],
  [
    'cla_start',
    'Children starting to be looked after',
    'Children who entered the care of the local authority.',
  ],
];

const RSWP = [
  'Westlake et al. (2025), Research on Social Work Practice',
  'https://orca.cardiff.ac.uk/177768',
] as const;
const CYSR = [
  'Economic evaluation, Children and Youth Services Review 166 (2024)',
  'https://doi.org/10.1016/j.childyouth.2024.107928',
] as const;
// The pilot report, the May 2020 announcement and the DSL evaluations are cited without a web
// address: /work/shared/domain.md gives none, and we do not guess one.
const PILOT = ['Westlake et al. (2020), evaluation of pilots in three local authorities', ''] as const;
const DFE = ['Department for Education announcement, May 2020', ''] as const;
const DSL_BOLTON = ['NIESR evaluation of DSL supervision in Bolton (2021)', ''] as const;
const DSL_GM = ['Evaluation of DSL supervision in Greater Manchester (2023)', ''] as const;

/**
 * Published single figures the site quotes in prose (data/published/facts.csv). These are real,
 * published numbers with their sources, not synthetic: the same in any data set.
 */
export const PUBLISHED_FACTS: readonly (readonly [
  string,
  string,
  string,
  string,
  readonly [string, string],
])[] = [
  [
    'cost-effective-probability-at-1000',
    '1.3',
    'percent',
    'Probability SWIS is cost-effective at £1,000 per Section 47 enquiry avoided',
    CYSR,
  ],
  [
    'cost-effective-probability-at-10000',
    '1.1',
    'percent',
    'Probability SWIS is cost-effective at £10,000 per Section 47 enquiry avoided',
    CYSR,
  ],
  [
    'cost-effective-probability-at-20000',
    '6.1',
    'percent',
    'Probability SWIS is cost-effective at £20,000 per Section 47 enquiry avoided',
    CYSR,
  ],
  [
    'cost-threshold-1000',
    '1000',
    'gbp',
    'Lowest value per Section 47 enquiry avoided in the economic evaluation',
    CYSR,
  ],
  [
    'cost-threshold-10000',
    '10000',
    'gbp',
    'Middle value per Section 47 enquiry avoided in the economic evaluation',
    CYSR,
  ],
  [
    'cost-threshold-20000',
    '20000',
    'gbp',
    'Highest value per Section 47 enquiry avoided in the economic evaluation',
    CYSR,
  ],
  [
    'dsl-bolton-schools',
    '94',
    'count',
    'Bolton primary schools in the first DSL supervision programme',
    DSL_BOLTON,
  ],
  [
    'dsl-gm-authorities',
    '10',
    'count',
    'Greater Manchester authorities in the second DSL supervision programme',
    DSL_GM,
  ],
  [
    'dsl-gm-schools',
    '160',
    'count',
    'Secondary schools in the Greater Manchester DSL supervision programme',
    DSL_GM,
  ],
  ['pilot-applicants', '30', 'count', 'Local authorities that applied to run a pilot (about)', PILOT],
  ['pilot-authorities', '3', 'count', 'Local authorities in the pilot', PILOT],
  ['pilot-grant-lambeth', '374000', 'gbp', "Lambeth's pilot grant", PILOT],
  ['pilot-grant-southampton', '453000', 'gbp', "Southampton's pilot grant", PILOT],
  ['pilot-months', '10', 'months', 'How long the pilots ran (about)', PILOT],
  [
    'research-funding',
    '9900000',
    'gbp',
    "Funding announced for the What Works centre's research, May 2020",
    DFE,
  ],
  ['scale-up-funding', '6500000', 'gbp', 'Funding announced to scale SWIS up, May 2020', DFE],
  ['trial-authorities', '21', 'count', 'Local authorities in the randomised trial', RSWP],
  ['trial-follow-up-months', '23', 'months', 'Follow-up for social care outcomes (to July 2022)', RSWP],
  ['trial-later-follow-up-months', '35', 'months', 'Later follow-up for social care outcomes', RSWP],
  ['trial-pupils', '278858', 'count', 'Pupils in the randomised schools', RSWP],
  ['trial-schools-control', '132', 'count', 'Schools randomised to the control arm', RSWP],
  ['trial-schools-randomised', '268', 'count', 'Schools randomised in the trial', RSWP],
  ['trial-schools-swis', '136', 'count', 'Schools randomised to SWIS', RSWP],
];

/**
 * Generates the full synthetic demonstration data set in memory: dataset flag, outcomes,
 * pilot (sites, schools, monthly outcomes), trial (periods, schools, outcomes), the published
 * primary estimate and the published facts. Pure and deterministic for a given seed and context.
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEFAULT_SEED;
  const band = options.noDifferenceBand === undefined ? 10 : options.noDifferenceBand;
  const rateSources: DemoData['rateSources'] = {};
  // Separate streams for pilot and trial, so changing one does not reshuffle the other.
  const pilot = pilotTables(randomLcg((Math.imul(seed, 0x9e3779b1) >>> 0) / 2 ** 32), options, rateSources);
  const education = options.education ?? true;
  const trial = trialTables(
    randomLcg(((Math.imul(seed, 0x85ebca6b) + 12345) >>> 0) / 2 ** 32),
    options,
    rateSources,
    education ? randomLcg(((Math.imul(seed, 0xc2b2ae35) + 54321) >>> 0) / 2 ** 32) : null,
  );
  const followUpEnd = trialPeriods(options.followUpMonths).periods[1].end_month;
  const extracted = options.extractedMonth === undefined ? monthAfter(followUpEnd) : options.extractedMonth;
  const description =
    'Synthetic demonstration data generated by npm run demo-data, calibrated to published figures; these are not real school records.';
  const files: DemoFile[] = [
    {
      path: 'dataset.csv',
      table:
        extracted === null
          ? { header: ['name', 'synthetic', 'description'], rows: [['swis-demo', 'true', description]] }
          : {
              header: ['name', 'synthetic', 'description', 'extracted_month'],
              rows: [['swis-demo', 'true', description, extracted]],
            },
    },
    {
      path: 'outcomes.csv',
      table: {
        header: [
          'outcome',
          'label',
          'description',
          'direction',
          ...(band === null ? [] : ['no_difference_band']),
          ...(education ? ['kind'] : []),
        ],
        rows: [
          ...OUTCOME_ROWS.map(([o, l, d]) => [
            o,
            l,
            d,
            'lower_is_better',
            ...(band === null ? [] : [String(band)]),
            ...(education ? [''] : []),
          ]),
          // A band is a % change in a rate: absence has one, a score (in points) none.
          ...(education
            ? EDUCATION_OUTCOMES.map(([o, l, d, direction, kind]) => [
                o,
                l,
                d,
                direction,
                ...(band === null ? [] : [kind === 'sessions' ? String(band) : '']),
                kind,
              ])
            : []),
        ],
      },
    },
    ...pilot,
    ...trial.files,
    {
      path: 'published/estimates.csv',
      table: {
        header: [
          'study',
          'outcome',
          'scope',
          'analysis',
          'follow_up_months',
          'estimate',
          'ci_low',
          'ci_high',
          'source_title',
          'source_url',
        ],
        rows: [
          [
            'trial',
            's47',
            'overall',
            'adjusted',
            '23',
            '1.055',
            '0.955',
            '1.166',
            'Westlake et al. (2025), Research on Social Work Practice',
            'https://orca.cardiff.ac.uk/177768',
          ],
        ],
      },
    },
    {
      path: 'published/facts.csv',
      table: {
        header: ['fact', 'value', 'unit', 'label', 'source_title', 'source_url'],
        rows: PUBLISHED_FACTS.map(([fact, value, unit, label, [title, url]]) => [
          fact,
          value,
          unit,
          label,
          title,
          url,
        ]),
      },
    },
  ];
  return { seed, files, trialSchools: trial.schools, rateSources };
}

/** Serialises every generated file to CSV text (LF endings), keyed by path relative to the data folder. */
export function demoCsvFiles(data: DemoData): { path: string; text: string; rows: number }[] {
  return data.files.map((f) => ({ path: f.path, text: toCsv(f.table), rows: f.table.rows.length }));
}
