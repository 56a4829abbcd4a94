import { expect, test } from 'vitest';
import {
  academicBand,
  academicYear,
  calendarSpan,
  changeOver,
  mainWindow,
  programmeBand,
  programmeWindows,
  reportingYear,
  studyWindow,
  windowsFor,
} from './programmeChange.ts';

const data = {
  pilot: {
    sites: [
      { start_month: '2019-01', end_month: '2019-10' },
      { start_month: '2019-02', end_month: '2019-09' },
    ],
  },
  trial: {
    periods: [
      { period: 'baseline', start_month: '2019-09', end_month: '2020-08' },
      { period: 'followup', start_month: '2020-09', end_month: '2022-07' },
    ],
  },
};
const [PILOT, TRIAL] = programmeWindows(data) as [
  ReturnType<typeof studyWindow>,
  ReturnType<typeof studyWindow>,
];

test('a month falls in the reporting year ending the following March', () => {
  expect(reportingYear('2019-03')).toBe(2019);
  expect(reportingYear('2019-04')).toBe(2020);
});

test('the trial window runs from the year before its follow-up to the last year at least half inside it', () => {
  expect(TRIAL).toEqual({
    study: 'trial',
    label: 'the trial years',
    before: 2020,
    from: 2021,
    to: 2022,
    years: [2021, 2022],
    calendar: { start: 2020, end: 2022 },
  });
});

test('the pilot window spans its sites, its three months in one year not making that year a pilot year', () => {
  expect(PILOT).toMatchObject({ before: 2018, from: 2019, to: 2020, years: [2020] });
  expect(calendarSpan(PILOT)).toBe('2019');
  expect(calendarSpan(TRIAL)).toBe('2020–22');
});

test('a study shorter than six months in every year takes the year holding most of it', () => {
  expect(studyWindow('pilot', '2019-01', '2019-05')).toMatchObject({ before: 2018, years: [2019], to: 2019 });
});

test('a study absent from the data has no window, and the band covers the studies present', () => {
  expect(programmeWindows({ pilot: null, trial: data.trial }).map((w) => w.study)).toEqual(['trial']);
  expect(programmeWindows({ pilot: null, trial: null })).toEqual([]);
  expect(programmeBand([PILOT, TRIAL])).toEqual([2019, 2022]);
  expect(programmeBand([])).toBeUndefined();
  expect(mainWindow([PILOT, TRIAL])).toBe(TRIAL);
});

test('start after end is a RangeError naming the function', () => {
  expect(() => studyWindow('trial', '2022-07', '2020-09')).toThrow(/studyWindow/);
});

test('the change over a window is the percentage change between its before and last years', () => {
  const s = new Map([
    [2020, 500],
    [2021, 480],
    [2022, 450],
  ]);
  expect(changeOver(s, TRIAL)).toEqual({ before: 500, after: 450, percent: -10 });
});

test('a missing or zero end gives no percentage rather than a misleading one', () => {
  expect(changeOver(new Map([[2022, 450]]), TRIAL).percent).toBeNull();
  const withNull = new Map<number, number | null>([
    [2020, null],
    [2022, 4],
  ]);
  expect(changeOver(withNull, TRIAL).percent).toBeNull();
  const withZero = new Map([
    [2020, 0],
    [2022, 4],
  ]);
  expect(changeOver(withZero, TRIAL).percent).toBeNull();
});

test('authorities see the windows of the studies they took part in; others the main study, for comparison', () => {
  const w = [PILOT, TRIAL];
  expect(windowsFor(w, { pilot: true, trial: false })).toEqual([PILOT]);
  expect(windowsFor(w, { pilot: false, trial: true })).toEqual([TRIAL]);
  expect(windowsFor(w, { pilot: false, trial: false })).toEqual([TRIAL]);
  expect(windowsFor(w, { pilot: true, trial: true })).toEqual([PILOT, TRIAL]);
});

test('school statistics shade the academic years from the first month any study ran to the last', () => {
  expect(academicYear('2020-08')).toBe(2020);
  expect(academicYear('2020-09')).toBe(2021);
  expect(academicBand(data)).toEqual([2019, 2022]);
  expect(
    academicBand({
      pilot: null,
      trial: { periods: [{ period: 'followup', start_month: '2020-09', end_month: '2022-07' }] },
    }),
  ).toEqual([2021, 2022]);
  expect(academicBand({ pilot: null, trial: null })).toBeUndefined();
});
