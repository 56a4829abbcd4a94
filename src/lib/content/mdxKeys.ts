/**
 * Which keys the MDX result components accept, worked out from the data alone (no model
 * fitting), so `npm run check` can catch a mistyped outcome or analysis before a build. The
 * analyses follow the data contract: trial adjusted (overall) and unadjusted (overall and per
 * authority), pilot difference in differences (overall and per site).
 */
import type { Dataset } from '../data/loadDataset.ts';

/** The keys MDX components may name. */
export interface MdxKeys {
  /** `study/outcome/analysis/scope` of every estimate the results can contain. */
  estimates: Set<string>;
  /** `study/outcome/analysis/scope` of every row of published/estimates.csv. */
  published: Set<string>;
  /** Every `study/scope` with estimates. */
  tables: Set<string>;
}

export const keyOf = (study: string, outcome: string, analysis: string, scope: string) =>
  `${study}/${outcome}/${analysis}/${scope}`;

/** The keys a valid dataset allows. */
export function mdxKeys(data: Dataset): MdxKeys {
  const estimates = new Set<string>();
  const tables = new Set<string>();
  const outcomes = data.outcomes.map((o) => o.outcome);
  const add = (study: string, analysis: string, scope: string) => {
    tables.add(`${study}/${scope}`);
    for (const o of outcomes) estimates.add(keyOf(study, o, analysis, scope));
  };
  if (data.trial) {
    add('trial', 'adjusted', 'overall');
    add('trial', 'unadjusted', 'overall');
    for (const la of new Set(data.trial.schools.filter((s) => s.status === 'analysed').map((s) => s.la_code)))
      add('trial', 'unadjusted', la);
  }
  if (data.pilot) {
    add('pilot', 'did', 'overall');
    for (const s of data.pilot.sites) add('pilot', 'did', s.la_code);
  }
  const published = new Set(
    (data.published?.estimates ?? []).map((r) => keyOf(r.study, r.outcome, r.analysis, r.scope)),
  );
  return { estimates, published, tables };
}
