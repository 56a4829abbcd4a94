import { describe, expect, it } from 'vitest';
import {
  authoritySchema,
  datasetInfoSchema,
  laStatisticSchema,
  outcomeSchema,
  pilotOutcomeSchema,
  pilotSchoolSchema,
  pilotSiteSchema,
  publishedEstimateSchema,
  publishedFactSchema,
  trialOutcomeSchema,
  trialPeriodSchema,
  trialSchoolSchema,
} from './schemas.ts';

describe('row schemas', () => {
  it('accept a published fact with a kebab key, a plain number and a known unit, and reject others', () => {
    const row = {
      fact: 'trial-schools-randomised',
      value: '268',
      unit: 'count',
      label: 'Schools randomised',
      source_title: 'Report',
      source_url: 'https://example.org/r',
    };
    expect(publishedFactSchema.parse(row)).toEqual({ ...row, value: 268 });
    expect(
      publishedFactSchema.parse({ ...row, value: '1.3', unit: 'percent', source_url: '' }),
    ).toMatchObject({ value: 1.3, source_url: '' });
    for (const bad of [
      { fact: 'Trial-Schools' },
      { fact: 'trial_schools' },
      { fact: 'trial--schools' },
      { value: '£6.5m' },
      { value: '278,858' },
      { value: '-1' },
      { value: '' },
      { unit: 'pounds' },
      { label: ' ' },
      { source_title: '' },
      { source_url: 'orca.cardiff.ac.uk/177768' },
    ])
      expect(publishedFactSchema.safeParse({ ...row, ...bad }).success, JSON.stringify(bad)).toBe(false);
  });

  it('accept an authority with an ONS code and reject other codes', () => {
    const row = { la_code: 'E09000033', la_name: 'Westminster', region: 'Inner London' };
    expect(authoritySchema.parse(row)).toEqual(row);
    expect(authoritySchema.safeParse({ ...row, la_code: 'E07000001' }).success).toBe(false);
    expect(authoritySchema.safeParse({ ...row, la_code: 'e09000033' }).success).toBe(false);
    expect(authoritySchema.safeParse({ ...row, la_name: '  ' }).success).toBe(false);
  });

  it('accept an outcome with a known direction and reject a misspelt one', () => {
    const row = {
      outcome: 's47',
      label: 'Section 47 enquiries',
      description: 'Enquiries.',
      direction: 'lower_is_better',
    };
    expect(outcomeSchema.parse(row)).toEqual({ ...row, kind: 'count', no_difference_band: null });
    expect(outcomeSchema.parse({ ...row, kind: 'sessions' })).toEqual({
      ...row,
      kind: 'sessions',
      no_difference_band: null,
    });
    expect(outcomeSchema.safeParse({ ...row, kind: 'Score' }).success).toBe(false);
    expect(outcomeSchema.safeParse({ ...row, direction: 'lower-is-better' }).success).toBe(false);
    expect(outcomeSchema.safeParse({ ...row, outcome: 'S47' }).success).toBe(false);
  });

  it('read the optional band of little or no difference as a percentage, blank as none', () => {
    const row = { outcome: 's47', label: 'S47', description: 'Enquiries.', direction: 'neutral' };
    expect(outcomeSchema.parse({ ...row, no_difference_band: '10' }).no_difference_band).toBe(10);
    expect(outcomeSchema.parse({ ...row, no_difference_band: '' }).no_difference_band).toBeNull();
    for (const bad of ['0', '100', '-5', '10%', 'ten'])
      expect(outcomeSchema.safeParse({ ...row, no_difference_band: bad }).success).toBe(false);
  });

  it('accept a pilot site with YYYY-MM months and reject month 13', () => {
    const row = {
      la_code: 'E08000003',
      baseline_start: '2019-09',
      start_month: '2020-09',
      end_month: '2021-08',
    };
    expect(pilotSiteSchema.parse(row)).toEqual(row);
    expect(pilotSiteSchema.safeParse({ ...row, end_month: '2021-13' }).success).toBe(false);
    expect(pilotSiteSchema.safeParse({ ...row, end_month: '2021-8' }).success).toBe(false);
  });

  it('turn pilot school pupils into a number and reject zero pupils or an unknown phase', () => {
    const row = { school_id: 'P1', la_code: 'E08000003', group: 'swis', phase: 'pru', pupils: '120' };
    expect(pilotSchoolSchema.parse(row)).toEqual({ ...row, pupils: 120 });
    expect(pilotSchoolSchema.safeParse({ ...row, pupils: '0' }).success).toBe(false);
    expect(pilotSchoolSchema.safeParse({ ...row, phase: 'nursery' }).success).toBe(false);
    expect(pilotSchoolSchema.safeParse({ ...row, group: 'control' }).success).toBe(false);
  });

  it('accept a zero pilot count and reject a fractional one', () => {
    const row = { school_id: 'P1', month: '2020-01', outcome: 's47', count: '0' };
    expect(pilotOutcomeSchema.parse(row)).toEqual({ ...row, count: 0 });
    expect(pilotOutcomeSchema.safeParse({ ...row, count: '1.5' }).success).toBe(false);
    expect(pilotOutcomeSchema.safeParse({ ...row, count: '' }).success).toBe(false);
  });

  it('accept the two trial periods and reject any other', () => {
    const row = { period: 'followup', start_month: '2022-09', end_month: '2023-08' };
    expect(trialPeriodSchema.parse(row)).toEqual(row);
    expect(trialPeriodSchema.safeParse({ ...row, period: 'follow_up' }).success).toBe(false);
  });

  it('accept a trial school with an fsm percentage from 0 to 100 and reject 101', () => {
    const row = {
      school_id: 'T1',
      la_code: 'E06000010',
      arm: 'control',
      pupils: '300',
      fsm_percent: '23.5',
      status: 'analysed',
    };
    expect(trialSchoolSchema.parse(row)).toEqual({ ...row, pupils: 300, fsm_percent: 23.5 });
    expect(trialSchoolSchema.safeParse({ ...row, fsm_percent: '101' }).success).toBe(false);
    expect(trialSchoolSchema.safeParse({ ...row, fsm_percent: '-1' }).success).toBe(false);
    expect(trialSchoolSchema.safeParse({ ...row, arm: 'swiss' }).success).toBe(false);
    expect(trialSchoolSchema.safeParse({ ...row, status: 'lost' }).success).toBe(false);
  });

  it('accept a trial count of zero or more and reject a negative one', () => {
    const row = { school_id: 'T1', period: 'baseline', outcome: 'referral', count: '12' };
    expect(trialOutcomeSchema.parse(row)).toEqual({ ...row, count: 12, exposure: null, value: null });
    expect(trialOutcomeSchema.safeParse({ ...row, count: '-3' }).success).toBe(false);
  });

  it('accept context values that are numbers or DfE symbols, and England, but not other text', () => {
    const row = { la_code: 'E92000001', year: '2022', measure: 'referrals', value: '650270' };
    expect(laStatisticSchema.parse(row)).toEqual({ ...row, year: 2022, value: 650270 });
    expect(laStatisticSchema.parse({ ...row, value: 'c' }).value).toBe('c');
    expect(laStatisticSchema.parse({ ...row, value: ':' }).value).toBe(':');
    expect(laStatisticSchema.parse({ ...row, value: '21.4' }).value).toBe(21.4);
    expect(laStatisticSchema.safeParse({ ...row, value: 'abc' }).success).toBe(false);
    expect(laStatisticSchema.safeParse({ ...row, measure: 'referral' }).success).toBe(false);
    expect(laStatisticSchema.safeParse({ ...row, year: '22' }).success).toBe(false);
  });

  it('accept a published estimate with blank follow-up months and reject a bad scope or address', () => {
    const row = {
      study: 'trial',
      outcome: 's47',
      scope: 'overall',
      analysis: 'adjusted',
      follow_up_months: '',
      estimate: '0.91',
      ci_low: '0.8',
      ci_high: '1.04',
      source_title: 'SWIS trial report',
      source_url: 'https://example.org/report',
    };
    expect(publishedEstimateSchema.parse(row)).toMatchObject({
      follow_up_months: null,
      estimate: 0.91,
      ci_low: 0.8,
    });
    expect(publishedEstimateSchema.parse({ ...row, follow_up_months: '24' }).follow_up_months).toBe(24);
    expect(publishedEstimateSchema.safeParse({ ...row, scope: 'Hull' }).success).toBe(false);
    expect(publishedEstimateSchema.safeParse({ ...row, source_url: 'example.org' }).success).toBe(false);
    expect(publishedEstimateSchema.safeParse({ ...row, analysis: 'DiD' }).success).toBe(false);
  });

  it('read the dataset synthetic flag as a boolean and reject anything but true or false', () => {
    const row = { name: 'Demo', synthetic: 'true', description: 'Made up.' };
    expect(datasetInfoSchema.parse(row).synthetic).toBe(true);
    expect(datasetInfoSchema.parse({ ...row, synthetic: 'false' }).synthetic).toBe(false);
    expect(datasetInfoSchema.safeParse({ ...row, synthetic: 'yes' }).success).toBe(false);
    expect(datasetInfoSchema.safeParse({ ...row, synthetic: 'TRUE' }).success).toBe(false);
  });
});
