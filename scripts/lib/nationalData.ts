/**
 * A seeded, deterministic generator of a national-scale dataset in the data contract's shape,
 * for `npm run bench`. Writes CSVs streaming (buffered synchronous writes of ~1 MB), so that
 * generating two million rows holds only a small buffer in memory.
 */
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readFileSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import Papa from 'papaparse';
import { monthFromIndex, monthIndex } from '../../src/lib/data/months.ts';
import { join } from 'node:path';

export type NationalOptions = {
  /** Folder holding authorities.csv and outcomes.csv to copy (default "data"). */
  source?: string;
  seed?: number;
  /** Pilot-format schools (default 20,000), spread across `sites` sites. */
  pilotSchools?: number;
  sites?: number;
  /** Months in each pilot site's window (default 24; half before, half after). */
  months?: number;
  trialSchools?: number;
};

export type NationalSummary = { rows: number; files: Record<string, number> };

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson draw by inversion (λ is small here; falls back to a rounded normal above 50). */
function poisson(r: () => number, lambda: number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * (r() + r() + r() - 1.5) * 2));
  const l = Math.exp(-lambda);
  let k = 0;
  let p = l;
  let s = p;
  const u = r();
  while (u > s && k < 500) {
    k += 1;
    p *= lambda / k;
    s += p;
  }
  return k;
}

class CsvWriter {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  rows = 0;
  constructor(path: string, header: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, `${header}\n`);
  }
  row(line: string): void {
    this.buf.push(line);
    this.size += line.length + 1;
    this.rows += 1;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buf.length > 0) writeSync(this.fd, `${this.buf.join('\n')}\n`);
    this.buf = [];
    this.size = 0;
  }
  close(): number {
    this.flush();
    closeSync(this.fd);
    return this.rows;
  }
}

const addMonths = (month: string, n: number): string => monthFromIndex(monthIndex(month) + n);

const dataRows = (text: string): string[][] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(','));

/** Events per 1,000 pupils per year, by outcome position (then cycled). */
const BASE_RATES = [60, 25, 12, 3];

/**
 * Writes authorities.csv, outcomes.csv (copied from `source`), pilot/{sites,schools,outcomes}.csv
 * and trial/{periods,schools,outcomes}.csv into `dir`. Same options, same bytes.
 */
export function generateNationalData(dir: string, options: NationalOptions = {}): NationalSummary {
  const {
    source = 'data',
    seed = 20260101,
    pilotSchools = 20_000,
    sites = 150,
    months = 24,
    trialSchools = 3_400,
  } = options;
  if (months < 2 || months % 2 !== 0)
    throw new RangeError('generateNationalData: months must be even and ≥ 2');
  const r = rng(seed);
  mkdirSync(join(dir, 'pilot'), { recursive: true });
  mkdirSync(join(dir, 'trial'), { recursive: true });
  copyFileSync(join(source, 'authorities.csv'), join(dir, 'authorities.csv'));
  // Count outcomes only: this generator writes counts, and an outcome of another kind (absence,
  // scores; see the contract's outcome kinds) would need rows of its own.
  const outcomesCsv = Papa.parse<Record<string, string>>(
    readFileSync(join(source, 'outcomes.csv'), 'utf8').replace(/^\uFEFF/, ''),
    { header: true, skipEmptyLines: true },
  );
  const countOutcomes = outcomesCsv.data.filter((o) => (o['kind'] ?? '') === '' || o['kind'] === 'count');
  writeFileSync(
    join(dir, 'outcomes.csv'),
    `${Papa.unparse({ fields: outcomesCsv.meta.fields ?? [], data: countOutcomes.map((o) => (outcomesCsv.meta.fields ?? []).map((f) => o[f] ?? '')) }, { newline: '\n' })}\n`,
  );
  // Only the code column is needed; codes never contain commas.
  const laCodes = dataRows(readFileSync(join(source, 'authorities.csv'), 'utf8')).map((c) => c[0] ?? '');
  const outcomes = countOutcomes.map((o) => o['outcome'] ?? '');
  if (laCodes.length < sites)
    throw new RangeError(
      `generateNationalData: ${sites} sites need ${sites} authorities, found ${laCodes.length}`,
    );
  const files: Record<string, number> = {
    'authorities.csv': laCodes.length,
    'outcomes.csv': outcomes.length,
  };

  // Pilot
  const baselineStart = '2021-09';
  const startMonth = addMonths(baselineStart, months / 2);
  const endMonth = addMonths(baselineStart, months - 1);
  const window = Array.from({ length: months }, (_, i) => addMonths(baselineStart, i));
  const siteCodes = laCodes.slice(0, sites);
  const sitesW = new CsvWriter(join(dir, 'pilot/sites.csv'), 'la_code,baseline_start,start_month,end_month');
  for (const la of siteCodes) sitesW.row(`${la},${baselineStart},${startMonth},${endMonth}`);
  files['pilot/sites.csv'] = sitesW.close();

  const phases = ['primary', 'primary', 'primary', 'secondary', 'special', 'pru'] as const;
  const schoolsW = new CsvWriter(join(dir, 'pilot/schools.csv'), 'school_id,la_code,group,phase,pupils');
  const outcomesW = new CsvWriter(join(dir, 'pilot/outcomes.csv'), 'school_id,month,outcome,count');
  const idWidth = String(pilotSchools).length;
  for (let s = 0; s < pilotSchools; s += 1) {
    const id = `P${String(s + 1).padStart(idWidth, '0')}`;
    const la = siteCodes[s % sites] ?? '';
    // Alternate the group within each site, and across sites for the first school of each (not
    // s % 2, which with an even number of sites would put all of a site's schools in one group
    // and leave no model estimable).
    const group = ((s % sites) + Math.floor(s / sites)) % 2 === 0 ? 'swis' : 'comparison';
    const phase = phases[Math.floor(r() * phases.length)] ?? 'primary';
    const pupils =
      phase === 'secondary'
        ? 600 + Math.floor(r() * 1000)
        : phase === 'primary'
          ? 150 + Math.floor(r() * 450)
          : 40 + Math.floor(r() * 160);
    schoolsW.row(`${id},${la},${group},${phase},${pupils}`);
    const frailty = 0.6 + r() * 0.8;
    for (let m = 0; m < months; m += 1) {
      const effect = group === 'swis' && m >= months / 2 ? 0.92 : 1;
      for (let o = 0; o < outcomes.length; o += 1) {
        const lambda = ((BASE_RATES[o % BASE_RATES.length] ?? 10) * pupils * frailty * effect) / 12_000;
        outcomesW.row(`${id},${window[m]},${outcomes[o]},${poisson(r, lambda)}`);
      }
    }
  }
  files['pilot/schools.csv'] = schoolsW.close();
  files['pilot/outcomes.csv'] = outcomesW.close();

  // Trial
  const periodsW = new CsvWriter(join(dir, 'trial/periods.csv'), 'period,start_month,end_month');
  periodsW.row('baseline,2019-09,2020-08');
  periodsW.row('followup,2020-09,2022-07');
  files['trial/periods.csv'] = periodsW.close();
  const periodMonths = { baseline: 12, followup: 23 } as const;
  const tSchoolsW = new CsvWriter(
    join(dir, 'trial/schools.csv'),
    'school_id,la_code,arm,pupils,fsm_percent,status',
  );
  const tOutcomesW = new CsvWriter(join(dir, 'trial/outcomes.csv'), 'school_id,period,outcome,count');
  const tWidth = String(trialSchools).length;
  for (let s = 0; s < trialSchools; s += 1) {
    const id = `T${String(s + 1).padStart(tWidth, '0')}`;
    const la = laCodes[s % laCodes.length] ?? '';
    // Alternate the arm in the same way (see the pilot's groups above).
    const arm = ((s % laCodes.length) + Math.floor(s / laCodes.length)) % 2 === 0 ? 'swis' : 'control';
    const pupils = 500 + Math.floor(r() * 1300);
    const fsm = (5 + r() * 45).toFixed(1);
    const u = r();
    const status = u < 0.02 ? 'withdrawn' : u < 0.03 ? 'lost_to_follow_up' : 'analysed';
    tSchoolsW.row(`${id},${la},${arm},${pupils},${fsm},${status}`);
    if (status !== 'analysed') continue;
    const frailty = 0.6 + r() * 0.8;
    for (const period of ['baseline', 'followup'] as const) {
      for (let o = 0; o < outcomes.length; o += 1) {
        const lambda =
          ((BASE_RATES[o % BASE_RATES.length] ?? 10) * pupils * frailty * periodMonths[period]) / 12_000;
        tOutcomesW.row(`${id},${period},${outcomes[o]},${poisson(r, lambda)}`);
      }
    }
  }
  files['trial/schools.csv'] = tSchoolsW.close();
  files['trial/outcomes.csv'] = tOutcomesW.close();
  return { rows: Object.values(files).reduce((a, b) => a + b, 0), files };
}
