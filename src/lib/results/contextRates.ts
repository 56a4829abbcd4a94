/**
 * out/context.json: official counts per authority (and England), year and measure, with the
 * children aged 0–17 they are counted among and the rate per 10,000 of them, computed as DfE
 * computes its published rates.
 */
import { ratePer10k } from '../context/ratePer10k.ts';
import { COUNT_MEASURES, type Context } from '../contracts/resultsSchemas.ts';
import { ENGLAND_CODE, type LaStatisticRow } from '../data/schemas.ts';
import { compareWithBenchmark } from '../stats/compareWithBenchmark.ts';

/** The suffix of a measure holding DfE's published rate for the count measure it names. */
const PUBLISHED_RATE = '_rate_published';

/**
 * Builds the context rows from the la-statistics table, sorted by laCode, measure, year. The
 * denominator is the same authority's `children_0_17` for the same reporting year (the import
 * already aligned ONS mid-year estimates to DfE's reporting years); a symbol in either the count
 * or the population gives a null rate, never zero. Each row carries that population as `children`
 * (null where it is missing or a symbol), so that pages combining areas add children rather than
 * rebuild them from rates. Each authority's rate is compared with
 * England's for the same year and measure (see addEnglandComparisons).
 */
export function contextRates(rows: readonly LaStatisticRow[]): Context[] {
  const population = new Map<string, number>();
  const published = new Map<string, number>();
  for (const r of rows) {
    if (r.measure === 'children_0_17' && typeof r.value === 'number')
      population.set(`${r.la_code}|${r.year}`, r.value);
    if (r.measure.endsWith(PUBLISHED_RATE) && typeof r.value === 'number')
      published.set(`${r.la_code}|${r.year}|${r.measure.slice(0, -PUBLISHED_RATE.length)}`, r.value);
  }
  const counts = new Set<string>(COUNT_MEASURES);
  const isCount = (measure: string): measure is Context['measure'] => counts.has(measure);
  const out: Context[] = [];
  for (const r of rows) {
    const measure = r.measure;
    if (!isCount(measure)) continue;
    const value = typeof r.value === 'number' ? r.value : null;
    const children = population.get(`${r.la_code}|${r.year}`) ?? null;
    const publishedRate = published.get(`${r.la_code}|${r.year}|${r.measure}`);
    out.push({
      laCode: r.la_code,
      year: r.year,
      measure,
      value,
      symbol: typeof r.value === 'number' ? null : r.value,
      ratePer10k: value !== null && children !== null ? ratePer10k(value, children) : null,
      children,
      ...(publishedRate === undefined ? {} : { publishedRatePer10k: publishedRate }),
    });
  }
  addEnglandComparisons(out);
  return out.sort(
    (a, b) =>
      (a.laCode < b.laCode ? -1 : a.laCode > b.laCode ? 1 : 0) ||
      (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) ||
      a.year - b.year,
  );
}

/**
 * Adds to each authority row with a count, its children and England's rate for its year and
 * measure how its rate stands against England's: England's rate below, within or above the exact
 * Poisson limits of its count per 10,000 children at 95% and at 99.8% (compareWithBenchmark,
 * as the public health profiles compare areas with England). Other rows are left without one.
 */
function addEnglandComparisons(rows: Context[]): void {
  const england = new Map<string, number>();
  for (const r of rows)
    if (r.laCode === ENGLAND_CODE && r.ratePer10k !== null)
      england.set(`${r.year}|${r.measure}`, r.ratePer10k);
  for (const r of rows) {
    const benchmark = england.get(`${r.year}|${r.measure}`);
    // A count that is not a whole number (not a count of events) is left uncompared, not an error.
    const count = r.value;
    if (r.laCode === ENGLAND_CODE || count === null || !Number.isInteger(count) || count < 0) continue;
    if (benchmark === undefined || r.children === null || !(r.children > 0)) continue;
    const exposure = r.children / 10000;
    const at95 = compareWithBenchmark(count, exposure, benchmark, { level: 0.95 });
    const at998 = compareWithBenchmark(count, exposure, benchmark, { level: 0.998 });
    r.comparedWithEngland = {
      lower95: at95.lower,
      upper95: at95.upper,
      comparison95: at95.comparison,
      comparison998: at998.comparison,
    };
  }
}
