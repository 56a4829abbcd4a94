import { expect, test } from 'vitest';
import { contextShares } from './contextShares.ts';

test('school referral shares pass through as published, symbols as null with the symbol kept', () => {
  const rows = contextShares([
    { la_code: 'E09000022', year: 2017, measure: 'school_referral_percent', value: 21.4 },
    { la_code: 'E09000022', year: 2016, measure: 'school_referral_percent', value: 'x' },
    { la_code: 'E09000022', year: 2016, measure: 'referrals', value: 3000 },
  ]);
  expect(rows).toEqual([
    { laCode: 'E09000022', year: 2016, measure: 'school_referral_percent', percent: null, symbol: 'x' },
    { laCode: 'E09000022', year: 2017, measure: 'school_referral_percent', percent: 21.4, symbol: null },
  ]);
});
