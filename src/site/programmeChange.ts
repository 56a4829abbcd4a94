/**
 * When each study ran, in the reporting years of official statistics (years ending 31 March),
 * derived from the data: the trial's follow-up period (trial/periods.csv) and the pilot sites'
 * months in schools (pilot/sites.csv), both carried in dataset.json. Every chart, caption and label
 * that speaks of "the pilot years" or "the trial years" takes them from here.
 *
 * A study's window:
 * - `before`: the last reporting year that ended before the study began (its "before" figure);
 * - `years`: the reporting years at least half inside the study (six or more of their twelve
 *   months), its "during" years; the last of them is `to`, its "after" figure. A study shorter than
 *   that in every year it touches takes the year holding most of its months;
 * - `from`: `before` + 1, the first year the study touched, where a chart's shading starts;
 * - `calendar`: the calendar years of its first and last month, for labels such as "Trial (2020–22)".
 *
 * Example: a trial followed up from 2020-09 to 2022-07 has before 2020, years [2021, 2022] (the
 * year ending March 2023 holds only April to July 2022), from 2021, to 2022, calendar 2020–22.
 */
import { monthIndex } from '../lib/data/months.ts';

export type Study = 'pilot' | 'trial';

export interface ProgrammeWindow {
  study: Study;
  /** "the pilot years", "the trial years" */
  label: string;
  before: number;
  from: number;
  to: number;
  years: number[];
  calendar: { start: number; end: number };
}

/** The months of each study present in dataset.json, as `YYYY-MM`. */
export interface StudyMonths {
  pilot: { sites: readonly { start_month: string; end_month: string }[] } | null;
  trial: { periods: readonly { period: string; start_month: string; end_month: string }[] } | null;
}

const yearOf = (month: string) => Number(month.slice(0, 4));
const monthOf = (month: string) => Number(month.slice(5, 7));
/** The reporting year (ending 31 March) a month falls in: 2019-03 → 2019, 2019-04 → 2020. */
export const reportingYear = (month: string): number => yearOf(month) + (monthOf(month) >= 4 ? 1 : 0);

/** The window of a study that ran from `start` to `end` (inclusive months, `YYYY-MM`). */
export function studyWindow(study: Study, start: string, end: string): ProgrammeWindow {
  // monthIndex throws a RangeError naming the month when either is not YYYY-MM.
  const s = monthIndex(start);
  const e = monthIndex(end);
  if (e < s) throw new RangeError(`studyWindow: expected start ≤ end as YYYY-MM; found ${start} to ${end}`);
  const first = reportingYear(start);
  const last = reportingYear(end);
  const monthsIn = (year: number) => {
    // Reporting year Y runs from April of Y − 1 to March of Y.
    const y0 = (year - 1) * 12 + 3;
    return Math.max(0, Math.min(e, y0 + 11) - Math.max(s, y0) + 1);
  };
  const touched = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  let years = touched.filter((y) => monthsIn(y) >= 6);
  if (years.length === 0) {
    const most = Math.max(...touched.map(monthsIn));
    years = [touched.findLast((y) => monthsIn(y) === most)!];
  }
  return {
    study,
    label: `the ${study} years`,
    before: first - 1,
    from: first,
    to: years[years.length - 1]!,
    years,
    calendar: { start: yearOf(start), end: yearOf(end) },
  };
}

/**
 * The window of every study in the build, pilot first: the pilot from its sites' first month in
 * schools to their last month; the trial over its follow-up period. A study absent from the data
 * has no window.
 */
export function programmeWindows(data: StudyMonths): ProgrammeWindow[] {
  const out: ProgrammeWindow[] = [];
  const sites = data.pilot?.sites ?? [];
  if (sites.length > 0) {
    const starts = sites.map((x) => x.start_month).sort();
    const ends = sites.map((x) => x.end_month).sort();
    out.push(studyWindow('pilot', starts[0]!, ends[ends.length - 1]!));
  }
  const followup = data.trial?.periods.find((p) => p.period === 'followup');
  if (followup) out.push(studyWindow('trial', followup.start_month, followup.end_month));
  return out;
}

/** The years a chart shades for the whole programme: from the first year any study touched to the last study year. */
export function programmeBand(windows: readonly ProgrammeWindow[]): readonly [number, number] | undefined {
  if (windows.length === 0) return undefined;
  return [Math.min(...windows.map((w) => w.from)), Math.max(...windows.map((w) => w.to))];
}

/** The academic year (September to August) a month falls in, by the year it ends: 2020-09 → 2021, 2021-08 → 2021. */
export const academicYear = (month: string): number => yearOf(month) + (monthOf(month) >= 9 ? 1 : 0);

/**
 * The academic years a chart of school statistics (such as absence) shades for the whole
 * programme: from the academic year of the first month any study ran in schools (the pilot sites'
 * first months, the trial's follow-up) to that of the last, each labelled by the year it ends.
 *
 * @example academicBand({ pilot: null, trial: { periods: [{ period: 'followup', start_month: '2020-09', end_month: '2022-07' }] } }) // [2021, 2022]
 */
export function academicBand(data: StudyMonths): readonly [number, number] | undefined {
  const followup = data.trial?.periods.find((p) => p.period === 'followup');
  const spans = [...(data.pilot?.sites ?? []), ...(followup ? [followup] : [])];
  if (spans.length === 0) return undefined;
  return [
    Math.min(...spans.map((s) => academicYear(s.start_month))),
    Math.max(...spans.map((s) => academicYear(s.end_month))),
  ];
}

/** The study whose years whole-country comparisons use: the one that ended last (the trial, when there is one). */
export function mainWindow(windows: readonly ProgrammeWindow[]): ProgrammeWindow | undefined {
  return windows.reduce<ProgrammeWindow | undefined>((a, w) => (!a || w.to >= a.to ? w : a), undefined);
}

/**
 * The calendar years of a study for labels: "2019" when it began and ended in one year, else
 * "2020–22".
 */
export function calendarSpan(w: ProgrammeWindow): string {
  const { start, end } = w.calendar;
  return start === end ? String(start) : `${start}–${String(end % 100).padStart(2, '0')}`;
}

/**
 * The windows to show for an authority's participation: those of the studies it took part in, or,
 * for an authority in neither, the main study's, for comparison.
 */
export function windowsFor(
  windows: readonly ProgrammeWindow[],
  p: { pilot: boolean; trial: boolean },
): ProgrammeWindow[] {
  const mine = windows.filter((w) => p[w.study]);
  if (mine.length > 0) return mine;
  const main = mainWindow(windows);
  return main ? [main] : [];
}

type Series = ReadonlyMap<number, number | null>;

/** One measure's change: values at both ends and the percentage change, null where either end is missing. */
export interface Change {
  before: number | null;
  after: number | null;
  percent: number | null;
}

/**
 * The change in a series between a window's `before` and `to` years, as (after − before) / before
 * × 100. Example: 500 → 450 is −10%. A missing or zero starting value gives a null percentage.
 */
export function changeOver(series: Series, w: Pick<ProgrammeWindow, 'before' | 'to'>): Change {
  const before = series.get(w.before) ?? null;
  const after = series.get(w.to) ?? null;
  const percent =
    before !== null && after !== null && before !== 0 ? ((after - before) / before) * 100 : null;
  return { before, after, percent };
}
