/**
 * Which keys the MDX result components accept, worked out from the data alone (no model
 * fitting), so `npm run check` can catch a mistyped outcome or analysis before a build. The
 * estimates are the ones the models give (modelKeys, beside the models in analyses.ts), so this
 * list cannot drift from what the results hold.
 */
import type { Dataset } from '../data/loadDataset.ts';
import { modelKeys } from '../stats/analyses.ts';

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
  const studies = { ...(data.trial && { trial: data.trial }), ...(data.pilot && { pilot: data.pilot }) };
  for (const k of modelKeys(studies)) {
    estimates.add(keyOf(k.study, k.outcome, k.analysis, k.scope));
    tables.add(`${k.study}/${k.scope}`);
  }
  const published = new Set(
    (data.published?.estimates ?? []).map((r) => keyOf(r.study, r.outcome, r.analysis, r.scope)),
  );
  return { estimates, published, tables };
}
