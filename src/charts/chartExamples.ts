import type { ChartResult } from './chartTypes.ts';
import { forestPlot } from './forestPlot.ts';
import { referralChange } from './referralChange.ts';
import { resultStrip } from './resultStrip.ts';
import { trendLines } from './trendLines.ts';
import englandTopologyJson from '../../data/geo/england-authorities.json' with { type: 'json' };
import type { EnglandTopology } from '../lib/geo/englandTopology.ts';
import { consortFlow } from './consortFlow.ts';
import { englandMap, programmeCategories } from './englandMap.ts';
import { naturalFrequencies } from './naturalFrequencies.ts';
import { smallMultiples } from './smallMultiples.ts';

const topology = englandTopologyJson as unknown as EnglandTopology;
const yearsOf = (from: number, values: (number | null)[]) =>
  values.map((value, i) => ({ year: from + i, value }));

const forestRows: Parameters<typeof forestPlot>[0] = [
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
];
const forestOptions: Parameters<typeof forestPlot>[1] = {
  id: 'forest-outcomes',
  title: 'Rate ratios for children’s social care outcomes, SWIS schools compared with other schools',
  lowerLabel: 'Fewer with SWIS',
  upperLabel: 'More with SWIS',
};

const trendData: Parameters<typeof trendLines>[0] = {
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
};
const trendOptions: Parameters<typeof trendLines>[1] = {
  id: 'trend-lambeth',
  title: 'Referral rate in Lambeth, London and England, 2015 to 2022',
  unit: 'Referrals per 10,000 children',
  programmeYears: [2020, 2022],
  programmeLabel: 'SWIS programme',
};

/**
 * Named, fixed examples of every chart: the snapshot tests render each one, and they double as
 * documentation of the expected data shape. Values are illustrative, not findings.
 */
export const chartExamples: Record<string, () => ChartResult> = {
  'forest-plot-outcomes': () => forestPlot(forestRows, forestOptions),
  'result-strip-published': () =>
    resultStrip(
      { estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 },
      {
        id: 'result-published',
        title: 'Section 47 enquiries, SWIS schools compared with other schools: published rate ratio',
        lowerLabel: 'Fewer with SWIS',
        upperLabel: 'More with SWIS',
        bandPercent: 10,
        kind: 'published',
      },
    ),
  'result-strip-tight': () =>
    resultStrip(
      { estimate: 0.62, ciLow: 0.6, ciHigh: 0.65 },
      {
        id: 'result-narrow',
        title: 'A narrow computed interval wholly below the band',
        lowerLabel: 'Fewer with the programme',
        upperLabel: 'More with the programme',
        bandPercent: 5,
        kind: 'computed',
      },
    ),
  'forest-plot-differences': () =>
    forestPlot(
      [
        { label: 'Attainment 8, adjusted', estimate: -0.16, ciLow: -0.64, ciHigh: 0.32, kind: 'computed' },
        { label: 'Attainment 8, unadjusted', estimate: -0.86, ciLow: -2.0, ciHigh: 0.29, kind: 'computed' },
      ],
      {
        id: 'forest-differences',
        title: 'Difference in mean Attainment 8 score, SWIS schools compared with control schools',
        measure: 'Difference in mean score, points',
        lowerLabel: 'Lower with SWIS',
        upperLabel: 'Higher with SWIS',
        scale: 'difference',
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
  'trend-lines-authority': () => trendLines(trendData, trendOptions),
  'small-multiples-authorities': () =>
    smallMultiples(
      {
        panels: [
          { label: 'Kingston upon Hull, City of', values: yearsOf(2018, [180, 200, 230, 250, 240]) },
          { label: 'Lambeth', values: yearsOf(2018, [140, null, 150, 160, 170]) },
          { label: 'Salford', values: yearsOf(2018, [350, 330, 300, 280, 260]) },
          { label: 'Sutton', values: yearsOf(2018, [190, 200, 195, 150, 140]) },
        ],
        reference: { label: 'England', values: yearsOf(2018, [165, 170, 168, 180, 190]) },
      },
      {
        id: 'multiples',
        title: 'Section 47 enquiries per 10,000 children, 2018 to 2022',
        unit: 'Enquiries per 10,000 children',
        programmeYears: [2020, 2022],
      },
    ),
  'consort-trial': () =>
    consortFlow(
      {
        randomised: 268,
        unit: 'schools',
        clusters: '21 local authorities',
        arms: [
          { label: 'SWIS', allocated: 136, withdrawn: 2, lost: 1, analysed: 133 },
          { label: 'Control', allocated: 132, withdrawn: 1, lost: 1, analysed: 130 },
        ],
      },
      { id: 'consort', title: 'Flow of schools through the trial' },
    ),
  'natural-frequencies-1000': () =>
    naturalFrequencies(
      { pupils: 1000, without: 9.12, estimate: 9.62, low: 8.71, high: 10.63 },
      {
        id: 'frequencies',
        title: 'Section 47 enquiries a year in a school of 1,000 pupils',
        event: 'Section 47 enquiry',
        events: 'Section 47 enquiries',
        programme: 'SWIS',
      },
    ),
  'england-map-programme': () =>
    englandMap(
      {
        topology,
        values: [
          { laCode: 'E09000022', name: 'Lambeth', category: 'both' },
          { laCode: 'E06000045', name: 'Southampton', category: 'pilot' },
          { laCode: 'E08000007', name: 'Stockport', category: 'pilot' },
          { laCode: 'E10000006', name: 'Cumbria', category: 'trial' },
          { laCode: 'E10000008', name: 'Devon', category: 'trial' },
          { laCode: 'E08000037', name: 'Gateshead', category: 'trial' },
        ],
      },
      {
        id: 'map-programme',
        title: 'Authorities in the programme',
        scale: {
          type: 'categories',
          categories: programmeCategories({ pilot: 'Pilot (2019)', trial: 'Trial (2020–22)' }),
          otherLabel: 'Did not take part',
        },
      },
    ),
  'england-map-change': () =>
    englandMap(
      {
        topology,
        values: [
          { laCode: 'E09000022', name: 'Lambeth', value: -42.5 },
          { laCode: 'E06000045', name: 'Southampton', value: 18.2 },
          { laCode: 'E10000006', name: 'Cumbria', value: 6.1 },
          { laCode: 'E10000021', name: 'Northamptonshire', value: null },
          { laCode: 'E06000028', name: 'Bournemouth', value: 3 },
        ],
      },
      {
        id: 'map-change',
        title: 'Change in Section 47 enquiries per 10,000 children',
        scale: { type: 'diverging', unit: 'per 10,000 children', valueLabel: 'Change in rate' },
        outline: { codes: ['E09000022', 'E10000006'], label: 'Trial authorities' },
      },
    ),
};
