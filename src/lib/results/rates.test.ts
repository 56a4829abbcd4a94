import { describe, expect, test } from 'vitest';
import { countCells, pilotCells, trialCells, type TrialRows } from '../data/cells.ts';
import { computeRates } from './rates.ts';

const periods: TrialRows['periods'] = [
  { period: 'baseline', start_month: '2019-09', end_month: '2020-08' },
  { period: 'followup', start_month: '2020-09', end_month: '2022-07' },
];

describe('trial rates', () => {
  const schools: TrialRows['schools'] = [
    { school_id: 's1', la_code: 'E09000022', arm: 'swis', pupils: 1000, status: 'analysed' },
    { school_id: 's2', la_code: 'E09000022', arm: 'control', pupils: 1200, status: 'analysed' },
    { school_id: 's3', la_code: 'E09000008', arm: 'swis', pupils: 800, status: 'analysed' },
    { school_id: 's4', la_code: 'E09000008', arm: 'swis', pupils: 900, status: 'withdrawn' },
  ];
  const outcomes = [
    ['s1', 'baseline', 30],
    ['s1', 'followup', 40],
    ['s2', 'baseline', 25],
    ['s2', 'followup', 0],
    ['s3', 'baseline', 4],
    ['s3', 'followup', 61],
    ['s4', 'baseline', 50],
    ['s4', 'followup', 50],
  ].map(([school_id, period, count]) => ({
    school_id: String(school_id),
    period: period as 'baseline' | 'followup',
    outcome: 's47',
    count: Number(count),
  }));
  const { rates, changes } = computeRates(
    'trial',
    countCells(trialCells({ periods, schools, outcomes })),
    ['baseline', 'followup'],
    9,
  );
  const find = (scope: string, group: string, period: string) =>
    rates.find((r) => r.scope === scope && r.group === group && r.period === period)!;

  test('the rate is per 1,000 pupils per year, with exposure over the period months', () => {
    // s1 follow-up: 40 events over 1000 pupils × 23/12 years.
    const r = find('E09000022', 'swis', 'followup');
    expect(r.count).toBe(40);
    expect(r.pupilYears).toBeCloseTo((1000 * 23) / 12, 3);
    expect(r.ratePer1000).toBeCloseTo((40 / ((1000 * 23) / 12)) * 1000, 5);
  });

  test('the interval is the exact Poisson interval on the count, scaled by exposure (R poisson.test)', () => {
    // R: poisson.test(40, T = 1000*23/12/1000)$conf.int = 14.90952336 28.41842450 (per 1,000 pupil-years)
    const r = find('E09000022', 'swis', 'followup');
    expect(r.ciLow).toBeCloseTo(14.909523, 5);
    expect(r.ciHigh).toBeCloseTo(28.418425, 5);
  });

  test('withdrawn schools are left out', () => {
    expect(find('E09000008', 'swis', 'baseline').schools).toBe(1);
  });

  test('a count of 1 to 9 and every rate from it are published as c, and zero stays zero', () => {
    const small = find('E09000008', 'swis', 'baseline');
    expect(small).toMatchObject({ count: 'c', ratePer1000: 'c', ciLow: 'c', ciHigh: 'c' });
    expect(find('E09000022', 'control', 'followup')).toMatchObject({ count: 0, ratePer1000: 0 });
  });

  test('the overall total and all but one authority would reveal a suppressed cell, so the next smallest goes too', () => {
    // swis baseline: overall 34 = Lambeth 30 + Croydon 4 (suppressed) → Lambeth suppressed too.
    expect(find('E09000022', 'swis', 'baseline').count).toBe('c');
    expect(find('overall', 'swis', 'baseline').count).toBe(34);
  });

  test('a change is published only when both rates are', () => {
    const lambethSwis = changes.find((c) => c.scope === 'E09000022' && c.group === 'swis')!;
    expect(lambethSwis.change).toBe('c');
    const lambethControl = changes.find((c) => c.scope === 'E09000022' && c.group === 'control')!;
    expect(lambethControl.change).toBeCloseTo(-(25 / 1200) * 1000, 5);
  });
});

describe('pilot rates', () => {
  test('months before start_month are the pre period and the rest the post period', () => {
    const cells = pilotCells({
      sites: [
        { la_code: 'E09000022', baseline_start: '2018-11', start_month: '2019-01', end_month: '2019-03' },
      ],
      schools: [{ school_id: 'p1', la_code: 'E09000022', group: 'swis', pupils: 1200 }],
      outcomes: ['2018-11', '2018-12', '2019-01', '2019-02', '2019-03'].map((month, i) => ({
        school_id: 'p1',
        month,
        outcome: 's47',
        count: 10 + i,
      })),
    });
    const pre = cells.find((c) => c.period === 'pre')!;
    const post = cells.find((c) => c.period === 'post')!;
    expect(pre.count).toBe(21);
    expect(pre.years).toBeCloseTo(200, 9);
    expect(post.count).toBe(39);
    expect(post.years).toBeCloseTo(300, 9);
  });
});
