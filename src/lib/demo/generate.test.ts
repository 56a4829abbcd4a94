import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';
import {
  demoCsvFiles,
  generateDemoData,
  monthsInWindow,
  PILOT_SITES,
  TRIAL_PERIODS,
  TRIAL_PUPILS,
} from './generate.ts';
import { authorityRates, DEMO_OUTCOMES, FALLBACK_RATES } from './rates.ts';
import { EDUCATION_OUTCOMES } from './education.ts';
import type { ContextRow } from './rates.ts';

const context: ContextRow[] = [
  { la_code: 'E09000022', year: '2020', measure: 's47_enquiries', value: '1000' },
  { la_code: 'E09000022', year: '2020', measure: 'children_0_17', value: '50000' },
  { la_code: 'E09000022', year: '2020', measure: 'referrals', value: 'c' },
  { la_code: 'E92000001', year: '2020', measure: 'referrals', value: '600000' },
  { la_code: 'E92000001', year: '2020', measure: 'children_0_17', value: '12000000' },
];

const first = generateDemoData({ seed: 20190101, context });
const files = demoCsvFiles(first);
const text = (path: string) => files.find((f) => f.path === path)?.text ?? '';
const rows = (path: string) =>
  text(path)
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));

describe('generateDemoData', () => {
  it('gives the same bytes for the same seed', () => {
    const again = demoCsvFiles(generateDemoData({ seed: 20190101, context }));
    expect(again).toEqual(files);
    for (const f of files) expect(f.text).not.toContain('\r');
  });

  it('differs for a different seed', () => {
    const other = demoCsvFiles(generateDemoData({ seed: 7, context }));
    const a = other.find((f) => f.path === 'trial/outcomes.csv')?.text;
    expect(a).not.toEqual(text('trial/outcomes.csv'));
  });

  it('randomises 268 schools, 136 SWIS and 132 control, in 21 authorities', () => {
    const schools = first.trialSchools;
    expect(schools).toHaveLength(268);
    expect(schools.filter((s) => s.arm === 'swis')).toHaveLength(136);
    expect(schools.filter((s) => s.arm === 'control')).toHaveLength(132);
    const las = new Set(schools.map((s) => s.la_code));
    expect(las.size).toBe(21);
    for (const la of las) {
      const inLa = schools.filter((s) => s.la_code === la);
      const swis = inLa.filter((s) => s.arm === 'swis').length;
      expect(swis - (inLa.length - swis)).toBeGreaterThanOrEqual(0);
      expect(swis - (inLa.length - swis)).toBeLessThanOrEqual(1);
    }
    expect(rows('trial/schools.csv')).toHaveLength(268);
  });

  it('has pupils within 0.5% of 278,858 and secondary-sized rolls', () => {
    const total = first.trialSchools.reduce((a, s) => a + s.pupils, 0);
    expect(Math.abs(total - TRIAL_PUPILS) / TRIAL_PUPILS).toBeLessThan(0.005);
    for (const s of first.trialSchools) {
      expect(s.pupils).toBeGreaterThanOrEqual(600);
      expect(s.pupils).toBeLessThanOrEqual(2000);
      expect(s.fsm_percent).toBeGreaterThanOrEqual(0);
      expect(s.fsm_percent).toBeLessThanOrEqual(100);
    }
    expect(first.trialSchools.some((s) => s.status === 'withdrawn')).toBe(true);
    expect(first.trialSchools.some((s) => s.status === 'lost_to_follow_up')).toBe(true);
  });

  it('gives every analysed school exactly one row per period and outcome, and no others', () => {
    const analysed = first.trialSchools.filter((s) => s.status === 'analysed').map((s) => s.school_id);
    const out = rows('trial/outcomes.csv');
    const keys = new Set(out.map(([id, p, o]) => `${id}|${p}|${o}`));
    const outcomes = [...DEMO_OUTCOMES, ...EDUCATION_OUTCOMES.map(([o]) => o)];
    expect(keys.size).toBe(out.length);
    expect(out).toHaveLength(analysed.length * TRIAL_PERIODS.length * outcomes.length);
    for (const id of analysed)
      for (const p of TRIAL_PERIODS)
        for (const o of outcomes) expect(keys.has(`${id}|${p.period}|${o}`)).toBe(true);
    const counts = out
      .filter((r) => (DEMO_OUTCOMES as readonly string[]).includes(r[2]!))
      .map((r) => Number(r[3]));
    expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
    expect(counts.some((c) => c === 0)).toBe(true);
    expect(counts.some((c) => c >= 1 && c <= 9)).toBe(true);
  });

  it('adds secondary absence near 8–9% of sessions and Attainment 8 near 45–47 points, each row filling its kind’s columns', () => {
    const out = rows('trial/outcomes.csv');
    const absence = out.filter((r) => r[2] === 'absence');
    const scores = out.filter((r) => r[2] === 'attainment8');
    expect(absence.every((r) => r[3] !== '' && Number(r[4]) >= Number(r[3]) && r[5] === '')).toBe(true);
    expect(scores.every((r) => r[3] === '' && r[4] === '' && /^\d+\.\d$/.test(r[5]!))).toBe(true);
    const missed = absence.reduce((s, r) => s + Number(r[3]), 0);
    const possible = absence.reduce((s, r) => s + Number(r[4]), 0);
    expect((100 * missed) / possible).toBeGreaterThan(8);
    expect((100 * missed) / possible).toBeLessThan(9);
    const mean = scores.reduce((s, r) => s + Number(r[5]), 0) / scores.length;
    expect(mean).toBeGreaterThan(45);
    expect(mean).toBeLessThan(47);
    expect(text('outcomes.csv')).toContain(',sessions\n');
  });

  it('without education, leaves the social care files exactly as they are with it (their own random stream), and no kind columns', () => {
    const without = demoCsvFiles(generateDemoData({ seed: 20190101, context, education: false }));
    const socialCare = (t: string) =>
      t
        .split('\n')
        .filter((l) => !/,(absence|attainment8),/.test(l))
        .map((l) => l.replace(/,,$/, ''))
        .slice(1);
    const withoutText = (path: string) => without.find((f) => f.path === path)?.text ?? '';
    expect(withoutText('trial/outcomes.csv').split('\n')[0]).toBe('school_id,period,outcome,count');
    expect(withoutText('outcomes.csv').split('\n')[0]).toBe(
      'outcome,label,description,direction,no_difference_band',
    );
    expect(socialCare(withoutText('trial/outcomes.csv'))).toEqual(socialCare(text('trial/outcomes.csv')));
    expect(withoutText('pilot/outcomes.csv')).toBe(text('pilot/outcomes.csv'));
  });

  it('gives every pilot school a row for every month of its window and every outcome', () => {
    const schools = rows('pilot/schools.csv');
    const out = rows('pilot/outcomes.csv');
    const expected = schools.reduce((a, [, la]) => {
      const site = PILOT_SITES.find((s) => s.la_code === la);
      return a + (site ? monthsInWindow(site.baseline_start, site.end_month) : 0) * DEMO_OUTCOMES.length;
    }, 0);
    expect(out).toHaveLength(expected);
    expect(new Set(out.map(([id, m, o]) => `${id}|${m}|${o}`)).size).toBe(out.length);
    expect(schools.filter((r) => r[2] === 'swis').length).toBe(
      schools.filter((r) => r[2] === 'comparison').length,
    );
  });

  it('marks the data as synthetic and carries only the published primary estimate', () => {
    expect(rows('dataset.csv')[0]?.slice(0, 2)).toEqual(['swis-demo', 'true']);
    // Extracted the month after the 23-month follow-up ends (July 2022).
    const [header, row] = text('dataset.csv').split(/\r?\n/);
    expect([header, row?.slice(-8)]).toEqual(['name,synthetic,description,extracted_month', ',2022-08']);
    expect(text('published/estimates.csv').split('\n')[1]).toContain(
      'trial,s47,overall,adjusted,23,1.055,0.955,1.166',
    );
    expect(monthsInWindow('2020-09', '2022-07')).toBe(23);
  });
});

describe('authorityRates', () => {
  it('uses the authority, then England, never a symbol as zero', () => {
    const r = authorityRates(context, 'E09000022', [2020]);
    expect(r.rates.s47).toBeCloseTo(0.02);
    expect(r.source.referral).toBe('england');
    expect(r.rates.referral).toBeCloseTo(0.05);
    expect(r.source.cla_start).toBe('fallback');
    expect(r.rates.cla_start).toBe(FALLBACK_RATES.cla_start);
  });
});

describe('toCsv', () => {
  it('quotes only when needed and ends with LF', () => {
    expect(toCsv({ header: ['a', 'b'], rows: [['x, y', 'say "hi"']] })).toBe('a,b\n"x, y","say ""hi"""\n');
  });
});
