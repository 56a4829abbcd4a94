/**
 * Data for the site's figures, assembled from the results JSON: which authorities took part, their
 * official trends, a measure's change for the map, and the trial's flow of schools. Pure functions
 * of their inputs, plus thin wrappers that read the build's results.
 */
import type { ConsortData } from '../charts/consortFlow.ts';
import type { MapValue } from '../charts/englandMap.ts';
import type { TrendSeries } from '../charts/trendLines.ts';
import type { Context, DatasetFacts } from '../lib/contracts/resultsSchemas.ts';
import type { EnglandTopology } from '../lib/geo/englandTopology.ts';

/**
 * Former authorities and the current ones that replaced them, by former code. The one home of this
 * fact is the map file, data/geo/england-authorities.json (its `former` object, made by
 * `npm run import-geo`); maps, charts and authority pages all read it through this type.
 */
export type Successors = ReadonlyMap<string, { name: string; successors: readonly string[]; note: string }>;

/** The successors recorded in a map topology's `former` object. */
export function successorsFrom(topology: EnglandTopology): Successors {
  return new Map(
    topology.objects.former.geometries.flatMap((g) =>
      'properties' in g && g.properties && 'successors' in g.properties
        ? [[String(g.id), g.properties] as const]
        : [],
    ),
  );
}

/** Pilot and trial membership per authority code. */
export function programmeMembership(
  pilotCodes: readonly string[],
  trialCodes: readonly string[],
): Map<string, 'pilot' | 'trial' | 'both'> {
  const out = new Map<string, 'pilot' | 'trial' | 'both'>();
  for (const c of pilotCodes) out.set(c, 'pilot');
  for (const c of trialCodes) out.set(c, out.has(c) ? 'both' : 'trial');
  return out;
}

/**
 * An authority's yearly rate per 10,000 children for a measure, null where the source gives a
 * symbol. A former authority's series (one in `successors`, e.g. a county split into two unitary
 * authorities) continues after its abolition as the sum of its successors: counts added, children
 * (count ÷ rate × 10,000) added, then divided, which is how DfE computes any rate; years where a
 * successor is missing stay null.
 */
export function rateSeries(
  rows: readonly Context[],
  laCode: string,
  measure: string,
  years: readonly number[],
  successors: Successors = new Map(),
): TrendSeries['values'] {
  const find = (code: string, year: number) =>
    rows.find((r) => r.laCode === code && r.measure === measure && r.year === year);
  return years.map((year) => {
    const own = find(laCode, year);
    if (own) return { year, value: own.ratePer10k };
    const former = successors.get(laCode);
    if (former) {
      const parts = former.successors.map((c) => find(c, year));
      if (parts.every((p) => p && p.value !== null && p.ratePer10k !== null && p.ratePer10k > 0)) {
        const count = parts.reduce((n, p) => n + (p!.value as number), 0);
        const children = parts.reduce(
          (n, p) => n + ((p!.value as number) / (p!.ratePer10k as number)) * 10000,
          0,
        );
        return { year, value: (count / children) * 10000 };
      }
    }
    return { year, value: null };
  });
}

/**
 * An authority's mean rate per 10,000 children of a measure over `years` (its {@link rateSeries});
 * null unless every one of those years has a rate.
 */
export function meanRate(
  rows: readonly Context[],
  laCode: string,
  measure: string,
  years: readonly number[],
  successors: Successors = new Map(),
): number | null {
  const vs = rateSeries(rows, laCode, measure, years, successors).map((p) => p.value);
  return vs.every((v): v is number => v !== null) ? vs.reduce((a, b) => a + b, 0) / vs.length : null;
}

/**
 * Each authority's change in a measure's rate per 10,000 children: the {@link meanRate} of the
 * `after` years minus that of the `before` years; null unless every one of those years has a rate.
 */
export function rateChanges(
  rows: readonly Context[],
  authorities: readonly { laCode: string; name: string }[],
  measure: string,
  before: readonly number[],
  after: readonly number[],
  successors: Successors = new Map(),
): MapValue[] {
  const mean = (code: string, years: readonly number[]) => meanRate(rows, code, measure, years, successors);
  return authorities.map((a) => {
    const b = mean(a.laCode, before);
    const f = mean(a.laCode, after);
    return { laCode: a.laCode, name: a.name, value: b === null || f === null ? null : f - b };
  });
}

/**
 * The trial's flow of schools from dataset.json's counts by arm and status; the `swis` arm (the
 * contract's code for the arm that had the programme) is labelled with the programme's name.
 *
 * Disclosure: these are counts of schools, not of children, and per-arm school flows (including
 * the handful of schools that withdrew) are published in the trial's own report, as CONSORT asks;
 * a school count reveals nothing about any child. So the 1-to-9 suppression rule, which protects
 * counts of children's events, is not applied to them.
 */
export function trialConsort(
  dataset: {
    trial: Pick<
      NonNullable<DatasetFacts['trial']>,
      'authorities' | 'schoolsRandomised' | 'schoolsByArm' | 'schoolsByStatus'
    > | null;
  },
  programme: string,
): ConsortData | null {
  const trial = dataset.trial;
  if (!trial) return null;
  const get = (arm: string, status: string) => trial.schoolsByStatus[`${arm}:${status}`] ?? 0;
  const arm = (key: string, label: string) => {
    const withdrawn = get(key, 'withdrawn');
    const lost = get(key, 'lost_to_follow_up');
    const analysed = get(key, 'analysed');
    return {
      label,
      allocated: trial.schoolsByArm[key] ?? withdrawn + lost + analysed,
      withdrawn,
      lost,
      analysed,
    };
  };
  return {
    randomised: trial.schoolsRandomised,
    unit: 'schools',
    clusters: `${trial.authorities} local authorities`,
    arms: [arm('swis', programme), arm('control', 'Control')],
  };
}
