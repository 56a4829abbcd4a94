import type { ChartResult } from './chartTypes.ts';
import { forestPlot } from './forestPlot.ts';
import { referralChange } from './referralChange.ts';
import { trendLines } from './trendLines.ts';

/**
 * Named, fixed examples of every chart: the snapshot tests render each one, and they double as
 * documentation of the expected data shape. Values are illustrative, not findings.
 */
export const chartExamples: Record<string, () => ChartResult> = {
  'forest-plot-outcomes': () =>
    forestPlot(
      [
        { label: 'Section 47 enquiries', estimate: 0.87, ciLow: 0.75, ciHigh: 1.01, kind: 'computed' },
        { label: 'Section 17 assessments', estimate: 0.92, ciLow: 0.83, ciHigh: 1.02, kind: 'computed' },
        { label: 'Children looked after', estimate: 1.08, ciLow: 0.86, ciHigh: 1.36, kind: 'computed' },
        {
          label: 'Referrals (Westlake et al.)',
          estimate: 0.95,
          ciLow: 0.88,
          ciHigh: 1.03,
          kind: 'published',
        },
        { label: 'Child protection plans', estimate: 0.62, ciLow: 0.44, ciHigh: 0.88, kind: 'computed' },
        { label: 'Overall', estimate: 0.9, ciLow: 0.84, ciHigh: 0.97, kind: 'computed', overall: true },
      ],
      {
        id: 'forest-outcomes',
        title: 'Rate ratios for children’s social care outcomes, SWIS schools compared with other schools',
      },
    ),
  'referral-change-authorities': () =>
    referralChange(
      [
        { label: 'Lambeth', before: 512.3, after: 468.9 },
        { label: 'Southampton', before: 640.1, after: 702.4 },
        { label: 'Stockport', before: 388.0, after: 351.2 },
        { label: 'Wolverhampton', before: 455.6, after: null },
        { label: 'Buckinghamshire', before: 301.7, after: 309.9 },
        { label: 'North Tyneside', before: 574.2, after: 498.0 },
      ],
      {
        id: 'referral-change',
        title: 'Referrals to children’s social care before and during SWIS, by local authority',
        unit: 'Referrals per 10,000 children',
        beforeLabel: '2018/19',
        afterLabel: '2021/22',
        reference: { label: 'England', before: 544.5, after: 521.7 },
      },
    ),
  'trend-lines-authority': () =>
    trendLines(
      {
        authority: {
          label: 'Lambeth',
          values: [
            { year: 2015, value: 498.2 },
            { year: 2016, value: 520.4 },
            { year: 2017, value: 531.0 },
            { year: 2018, value: 512.3 },
            { year: 2019, value: null },
            { year: 2020, value: 470.8 },
            { year: 2021, value: 468.9 },
            { year: 2022, value: 455.1 },
          ],
        },
        region: {
          label: 'London',
          values: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022].map((year, i) => ({
            year,
            value: 470 + i * 3.5,
          })),
        },
        england: {
          label: 'England',
          values: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022].map((year, i) => ({
            year,
            value: [548.3, 532.2, 552.5, 544.5, 534.8, 494.3, 521.7, 538.6][i] ?? null,
          })),
        },
      },
      {
        id: 'trend-lambeth',
        title: 'Referral rate in Lambeth, London and England, 2015 to 2022',
        unit: 'Referrals per 10,000 children',
        programmeYears: [2020, 2022],
      },
    ),
};
