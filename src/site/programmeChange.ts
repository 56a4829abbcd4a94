/**
 * How an authority's official rates changed across the years the programme ran, beside England's
 * change over the same years. Reporting years end on 31 March, so:
 * - the pilot (social workers in schools January–October 2019) spans the years ending March 2018
 *   (before) to March 2020 (after);
 * - the trial (September 2020 to July 2022) spans the years ending March 2020 to March 2022.
 * Authorities that took part in neither are shown over the trial years, for comparison.
 */
export interface ProgrammeWindow {
  label: string;
  from: number;
  to: number;
}

export const PILOT_WINDOW: ProgrammeWindow = { label: 'the pilot years', from: 2018, to: 2020 };
export const TRIAL_WINDOW: ProgrammeWindow = { label: 'the trial years', from: 2020, to: 2022 };

/** The windows to show for an authority's participation. */
export function programmeWindows(p: { pilot: boolean; trial: boolean }): ProgrammeWindow[] {
  return p.pilot && !p.trial ? [PILOT_WINDOW] : p.pilot ? [PILOT_WINDOW, TRIAL_WINDOW] : [TRIAL_WINDOW];
}

type Series = ReadonlyMap<number, number | null>;

/** One measure's change: values at both ends and the percentage change, null where either end is missing. */
export interface Change {
  before: number | null;
  after: number | null;
  percent: number | null;
}

/**
 * The change in a series between `w.from` and `w.to`, as (after − before) / before × 100.
 * Example: 500 → 450 is −10%. A missing or zero starting value gives a null percentage.
 */
export function changeOver(series: Series, w: ProgrammeWindow): Change {
  const before = series.get(w.from) ?? null;
  const after = series.get(w.to) ?? null;
  const percent =
    before !== null && after !== null && before !== 0 ? ((after - before) / before) * 100 : null;
  return { before, after, percent };
}
