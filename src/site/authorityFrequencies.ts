/**
 * Natural frequencies for a school in a chosen authority, from that authority's real published
 * rate: the events a year expected for a school of `pupils` pupils at the authority's latest rate
 * per 10,000 children aged 0–17 (official statistics, context.json), and the range the trial's
 * published rate ratio and its 95% interval give with the programme (see schoolFrequencies.ts).
 * The expected number assumes the school's pupils meet the measure at the authority's rate for
 * all children, which the page says.
 */
import type { Context } from '../lib/contracts/resultsSchemas.ts';
import { schoolFrequencies } from './schoolFrequencies.ts';

/** One authority's row: its latest rate and what it means for a school of the chosen size. */
export interface AuthorityFrequency {
  laCode: string;
  name: string;
  year: number;
  ratePer10k: number;
  /** Events a year expected without the programme. */
  expected: number;
  /** Events a year with the programme at the published estimate, and at the ends of its interval. */
  withEstimate: number;
  withLow: number;
  withHigh: number;
}

/**
 * For each authority (in the order given) with a rate above zero for `measure` in `year`, its
 * frequencies for a school of `pupils` pupils. Authorities without one that year (a symbol, or a
 * former authority) are left out; the caller says so.
 */
export function authorityFrequencies(
  authorities: readonly { laCode: string; name: string }[],
  rows: (laCode: string) => readonly Context[],
  options: {
    measure: string;
    year: number;
    pupils: number;
    published: { estimate: number; ciLow: number; ciHigh: number };
  },
): AuthorityFrequency[] {
  const { measure, year, pupils, published } = options;
  return authorities.flatMap((a) => {
    const rate = rows(a.laCode).find((r) => r.measure === measure && r.year === year)?.ratePer10k;
    if (typeof rate !== 'number' || !(rate > 0)) return [];
    // Per 10,000 children is per 1,000 pupils divided by 10.
    const f = schoolFrequencies(pupils, rate / 10, published);
    return [
      {
        laCode: a.laCode,
        name: a.name,
        year,
        ratePer10k: rate,
        expected: f.expected,
        withEstimate: f.expected + f.change,
        withLow: f.expected + f.changeLow,
        withHigh: f.expected + f.changeHigh,
      },
    ];
  });
}
