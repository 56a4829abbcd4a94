/**
 * Pure transformation of DfE/ONS published files (as parsed CSV rows) into the project's
 * `data/authorities.csv`, `data/context/la-statistics.csv` and the published-rates and
 * published-absence fixtures.
 * No file-system access here: scripts/import-context.ts reads and writes the files.
 */
import { ENGLAND_CODE as ENGLAND } from '../data/schemas.ts';
import { absenceStatistics, publishedAbsenceTerms, type PublishedAbsenceTerm } from './absence.ts';

/** One parsed CSV row keyed by header. */
export type Row = Record<string, string>;

/** The parsed source files the import needs. */
export interface ContextSources {
  b1: Row[];
  c1: Row[];
  c4: Row[];
  d3: Row[];
  /** Top-level cla_number_and_rate_per_10k_children.csv (2024-25 release, 2021–2025). */
  cla: Row[];
  /** cla_release_2023/cla_number_and_rate_per_10k_children.csv (used for 2019–2020). */
  cla2023: Row[];
  lait: Row[];
  ons: Row[];
  /** Pupil absence, termly, by authority and phase (absence_2024-25_autumn_spring; see absence.ts). */
  absence: Row[];
}

export interface Authority {
  la_code: string;
  la_name: string;
  region: string;
}

export interface Statistic {
  la_code: string;
  year: number;
  measure: string;
  value: string;
}

export interface PublishedRate {
  la_code: string;
  year: number;
  measure: string;
  published_rate: string;
  decimals: number;
  source: string;
}

export interface ContextOutputs {
  authorities: Authority[];
  statistics: Statistic[];
  publishedRates: PublishedRate[];
  /** DfE's termly absence counts and published rates, all phases, for the tests. */
  publishedAbsence: PublishedAbsenceTerm[];
}

export const FIRST_YEAR = 2013;
export const LAST_YEAR = 2025;

/** Old ONS codes whose rows are mapped onto the current code of the same authority. */
export const CODE_SUCCESSORS: Readonly<Record<string, string>> = {
  E10000027: 'E06000066', // Somerset (county → unitary, 2023)
  E10000023: 'E06000065', // North Yorkshire (county → unitary, 2023)
  E10000002: 'E06000060', // Buckinghamshire (county → unitary, 2020; same area and DfE number 825)
  E08000020: 'E08000037', // Gateshead (pre-2013 code, used only in the c4 file for 2013–2019)
  E06000048: 'E06000057', // Northumberland (pre-2013 code, used only in the c4 file for 2013–2019)
};

/** DfE's suppression / not-available symbols, kept verbatim in `value`. */
export const DFE_SYMBOLS: ReadonlySet<string> = new Set(['c', 'x', 'z', 'low', 'u', 'k', ':', '-']);

const LA_CODE = /^E(06|07|08|09|10)\d{6}$/;

/** Maps a code onto its current code (Somerset, North Yorkshire), otherwise unchanged. */
export function canonicalCode(code: string): string {
  return CODE_SUCCESSORS[code] ?? code;
}

/** Returns the ONS code of an EES row: England for National rows, else the LA code (canonical). */
export function eesCode(row: Row): string | null {
  const level = row.geographic_level;
  if (level === 'National') return ENGLAND;
  if (level !== 'Local authority') return null;
  const code = (row.new_la_code ?? '').trim();
  return LA_CODE.test(code) ? canonicalCode(code) : null;
}

class StatStore {
  readonly values = new Map<string, { stat: Statistic; priority: number }>();

  /** priority: higher wins for the same la_code × year × measure. */
  put(laCode: string, year: number, measure: string, raw: string | undefined, priority: number): void {
    if (year < FIRST_YEAR || year > LAST_YEAR) return;
    const value = (raw ?? '').trim();
    if (value === '') return;
    if (!DFE_SYMBOLS.has(value) && !Number.isFinite(Number(value))) {
      throw new Error(`unexpected value ${JSON.stringify(value)} for ${laCode} ${year} ${measure}`);
    }
    const key = `${laCode}|${year}|${measure}`;
    const existing = this.values.get(key);
    if (existing && existing.priority >= priority) {
      if (existing.priority === priority && existing.stat.value !== value) {
        throw new Error(`conflicting values for ${key}: ${existing.stat.value} vs ${value}`);
      }
      return;
    }
    this.values.set(key, { stat: { la_code: laCode, year, measure, value }, priority });
  }
}

/** Priority of an EES row: rows under the current code beat rows mapped from an old code. */
function rowPriority(row: Row, base: number): number {
  const code = (row.new_la_code ?? '').trim();
  return base + (CODE_SUCCESSORS[code] ? 0 : 1);
}

function claCategory(row: Row): string {
  return row.population_type ?? row.population_count ?? '';
}

function claCount(row: Row): string | undefined {
  return row.children_count ?? row.number;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds authorities, long-format LA statistics (2013–2025) and DfE's published rates from
 * the parsed DfE/ONS files. Deterministic: outputs are sorted and independent of row order.
 */
export function buildContext(src: ContextSources): ContextOutputs {
  const store = new StatStore();

  // Authority names/regions from EES LA rows (latest year wins) and old_la_code ↔ code map.
  const names = new Map<string, { year: number; name: string; region: string }>();
  const oldToNew = new Map<string, string>();
  const eesFiles: Row[][] = [src.b1, src.c1, src.c4, src.d3, src.cla, src.cla2023, src.ons];
  for (const rows of eesFiles) {
    for (const row of rows) {
      const code = eesCode(row);
      if (!code || code === ENGLAND) continue;
      const year = Number(row.time_period);
      const fileYear = rows === src.ons ? year + 1 : year;
      if (fileYear < FIRST_YEAR || fileYear > LAST_YEAR) continue;
      const old = (row.old_la_code ?? '').trim();
      if (old) {
        const prior = oldToNew.get(old);
        if (prior && prior !== code) throw new Error(`old_la_code ${old} maps to ${prior} and ${code}`);
        oldToNew.set(old, code);
      }
      const seen = names.get(code);
      const priority = rowPriority(row, 0);
      if (!seen || fileYear > seen.year || (fileYear === seen.year && priority > 0)) {
        names.set(code, {
          year: fileYear,
          name: (row.la_name ?? '').trim(),
          region: (row.region_name ?? '').trim(),
        });
      }
    }
  }
  oldToNew.set('970', ENGLAND); // LAIT's key for England

  const counts: [Row[], string, string][] = [
    [src.c1, 'referral_count', 'referrals'],
    [src.c4, 'Section47', 's47_enquiries'],
    [src.c4, 'ICPC', 'icpc'],
    [src.d3, 'CPP_start', 'cpp_starts'],
    [src.b1, 'Started_episodes', 'cin_starts'],
  ];
  for (const [rows, column, measure] of counts) {
    for (const row of rows) {
      const code = eesCode(row);
      if (code) store.put(code, Number(row.time_period), measure, row[column], rowPriority(row, 10));
    }
  }

  // Children starting to be looked after: newest release for 2021–2025, 2023 release for 2019–2020.
  const publishedRates: PublishedRate[] = [];
  const claSources: [Row[], number, number, string][] = [
    [
      src.cla,
      2021,
      LAST_YEAR,
      'DfE CLA 2024-25 release cla_number_and_rate_per_10k_children.csv rate_per_10000',
    ],
    [
      src.cla2023,
      2019,
      2020,
      'DfE CLA 2022-23 release cla_number_and_rate_per_10k_children.csv rate_per_10000',
    ],
  ];
  for (const [rows, from, to, source] of claSources) {
    for (const row of rows) {
      const code = eesCode(row);
      const year = Number(row.time_period);
      if (!code || year < from || year > to) continue;
      if (!claCategory(row).startsWith('Children starting to be looked after')) continue;
      store.put(code, year, 'cla_starts', claCount(row), rowPriority(row, 10));
      const rate = (row.rate_per_10000 ?? '').trim();
      if (rate !== '' && Number.isFinite(Number(rate))) {
        publishedRates.push({
          la_code: code,
          year,
          measure: 'cla_starts',
          published_rate: rate,
          decimals: 0,
          source,
        });
      }
    }
  }

  // ONS mid-year estimate for mid-(Y−1) is DfE's denominator for the year ending 31 March Y.
  for (const row of src.ons) {
    const code = eesCode(row);
    if (code)
      store.put(
        code,
        Number(row.time_period) + 1,
        'children_0_17',
        row.population_estimate,
        rowPriority(row, 10),
      );
  }

  // Authority-years known from the EES referral counts (c1); LAIT rows outside these are not authorities then.
  const present = new Set<string>();
  for (const { stat } of store.values.values()) {
    if (stat.measure === 'referrals') present.add(`${stat.la_code}|${stat.year}`);
  }

  const laitRegion = new Map<string, { year: number; region: string }>();
  const laitRates: Record<string, [string, number]> = {
    Section_47: ['s47_enquiries', 1],
    ISCP_Conf: ['icpc', 1],
    CPP_Abuse_Rate: ['cpp_starts', 1], // "Rate child protection plans starting during the year"
  };
  for (const row of src.lait) {
    const code = oldToNew.get((row.old_la_code ?? '').trim());
    if (!code) continue;
    const year = Number(row.year);
    if (!present.has(`${code}|${year}`)) continue;
    const value = (row.value ?? '').trim();
    const region = (row.region ?? '').trim();
    if (code !== ENGLAND && region && region !== 'NA') {
      const seen = laitRegion.get(code);
      if (!seen || year > seen.year) laitRegion.set(code, { year, region });
    }
    const m = row.measure_short ?? '';
    const rateSpec = laitRates[m];
    if (m === 'RefBySource_Schl_%') store.put(code, year, 'school_referral_percent', value, 10);
    else if (m === 'LACnum_Start' && year < 2019) store.put(code, year, 'cla_starts', value, 10);
    // DfE's rate for a year the EES files above do not cover (2018), as published: it was divided
    // by an earlier population estimate than the ONS file's, so it is kept beside the rate we
    // compute, and the site shows both where they differ (see contextRates.ts).
    else if (m === 'LAC_Start_Rate' && year < 2019)
      store.put(code, year, 'cla_starts_rate_published', value, 10);
    else if (rateSpec && value !== '' && Number.isFinite(Number(value))) {
      const [measure, decimals] = rateSpec;
      publishedRates.push({
        la_code: code,
        year,
        measure,
        published_rate: value,
        decimals,
        source: `DfE LAIT ${m} (${row.source_file_named_by_lait})`,
      });
    }
  }

  const authorities: Authority[] = [...names.entries()]
    .map(([la_code, n]) => ({
      la_code,
      la_name: n.name,
      region: laitRegion.get(la_code)?.region ?? n.region,
    }))
    .sort((a, b) => compareStrings(a.la_code, b.la_code));

  // Absence by academic year, for the authorities above and England (absence.ts).
  const codes = new Set([ENGLAND, ...authorities.map((a) => a.la_code)]);
  const statistics = [
    ...[...store.values.values()].map((v) => v.stat),
    ...absenceStatistics(src.absence, eesCode, codes),
  ].sort(
    (a, b) => compareStrings(a.la_code, b.la_code) || compareStrings(a.measure, b.measure) || a.year - b.year,
  );

  publishedRates.sort(
    (a, b) =>
      compareStrings(a.la_code, b.la_code) ||
      compareStrings(a.measure, b.measure) ||
      a.year - b.year ||
      compareStrings(a.source, b.source),
  );

  return {
    authorities,
    statistics,
    publishedRates,
    publishedAbsence: publishedAbsenceTerms(src.absence, eesCode, codes),
  };
}
