import { dfeRound } from '../lib/context/ratePer10k.ts';
import type { Context } from '../lib/contracts/resultsSchemas.ts';

/** A year whose rate on the site, rounded as DfE rounds, is not the rate DfE published. */
export interface PublishedRateDifference {
  laCode: string;
  year: number;
  measure: string;
  /** Ours: the count divided by the ONS estimate DfE uses today, full precision. */
  ratePer10k: number;
  /** DfE's, as published (whole numbers for children looked after). */
  publishedRatePer10k: number;
}

/**
 * The context rows whose computed rate, rounded to whole numbers as DfE rounds its children
 * looked after rates, differs from the rate DfE published for that year (today: children
 * starting to be looked after in 2017–18, which DfE divided by an earlier population estimate).
 * Pages say so beside the figure, so a reader comparing with DfE's tables is not misled.
 */
export function publishedRateDifferences(rows: readonly Context[]): PublishedRateDifference[] {
  return rows.flatMap((r) =>
    r.ratePer10k !== null &&
    r.publishedRatePer10k !== undefined &&
    dfeRound(r.ratePer10k) !== r.publishedRatePer10k
      ? [
          {
            laCode: r.laCode,
            year: r.year,
            measure: r.measure,
            ratePer10k: r.ratePer10k,
            publishedRatePer10k: r.publishedRatePer10k,
          },
        ]
      : [],
  );
}
