import { expect, test } from 'vitest';
import { changeOver, PILOT_WINDOW, programmeWindows, TRIAL_WINDOW } from './programmeChange.ts';

test('the change over a window is the percentage change between its end years', () => {
  const s = new Map([
    [2020, 500],
    [2021, 480],
    [2022, 450],
  ]);
  expect(changeOver(s, TRIAL_WINDOW)).toEqual({ before: 500, after: 450, percent: -10 });
});

test('a missing or zero end gives no percentage rather than a misleading one', () => {
  expect(changeOver(new Map([[2022, 450]]), TRIAL_WINDOW).percent).toBeNull();
  expect(
    changeOver(
      new Map<number, number | null>([
        [2020, null],
        [2022, 4],
      ]),
      TRIAL_WINDOW,
    ).percent,
  ).toBeNull();
  expect(
    changeOver(
      new Map([
        [2020, 0],
        [2022, 4],
      ]),
      TRIAL_WINDOW,
    ).percent,
  ).toBeNull();
});

test('pilot authorities see the pilot years, trial and other authorities the trial years, both see both', () => {
  expect(programmeWindows({ pilot: true, trial: false })).toEqual([PILOT_WINDOW]);
  expect(programmeWindows({ pilot: false, trial: true })).toEqual([TRIAL_WINDOW]);
  expect(programmeWindows({ pilot: false, trial: false })).toEqual([TRIAL_WINDOW]);
  expect(programmeWindows({ pilot: true, trial: true })).toEqual([PILOT_WINDOW, TRIAL_WINDOW]);
});
