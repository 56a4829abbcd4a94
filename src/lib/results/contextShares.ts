/**
 * out/context-shares.json: official percentages per authority (and England) and year, as the
 * context table gives them: `school_referral_percent`, the share of referrals to children's social
 * care made by schools, as DfE publishes it (no denominator to recompute it from); and
 * `overall_absence_percent`, the % of school sessions missed in an academic year, which
 * `npm run import-context` computes from DfE's sessions missed and possible as DfE does.
 */
import { SHARE_MEASURES, type ContextShare } from '../contracts/resultsSchemas.ts';
import type { LaStatisticRow } from '../data/schemas.ts';

/** The percentage rows of the la-statistics table, sorted by laCode, measure, year. */
export function contextShares(rows: readonly LaStatisticRow[]): ContextShare[] {
  const shares = new Set<string>(SHARE_MEASURES);
  const isShare = (r: LaStatisticRow): r is LaStatisticRow & { measure: ContextShare['measure'] } =>
    shares.has(r.measure);
  return rows
    .filter(isShare)
    .map((r) => ({
      laCode: r.la_code,
      year: r.year,
      measure: r.measure,
      percent: typeof r.value === 'number' ? r.value : null,
      symbol: typeof r.value === 'number' ? null : r.value,
    }))
    .sort(
      (a, b) =>
        (a.laCode < b.laCode ? -1 : a.laCode > b.laCode ? 1 : 0) ||
        (a.measure < b.measure ? -1 : a.measure > b.measure ? 1 : 0) ||
        a.year - b.year,
    );
}
