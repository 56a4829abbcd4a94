import { describe, expect, it } from 'vitest';
import { meanInterval, trialSummaries } from './summaries.ts';

// Authority A has four analysed schools per arm; B has two swis schools and four control; one
// withdrawn school (never summarised).
const schools = [
  ...['a1', 'a2', 'a3', 'a4'].map((id) => ({
    school_id: id,
    la_code: 'A',
    arm: 'swis' as const,
    status: 'analysed' as const,
  })),
  ...['a5', 'a6', 'a7', 'a8'].map((id) => ({
    school_id: id,
    la_code: 'A',
    arm: 'control' as const,
    status: 'analysed' as const,
  })),
  ...['b1', 'b2'].map((id) => ({
    school_id: id,
    la_code: 'B',
    arm: 'swis' as const,
    status: 'analysed' as const,
  })),
  ...['b3', 'b4', 'b5', 'b6'].map((id) => ({
    school_id: id,
    la_code: 'B',
    arm: 'control' as const,
    status: 'analysed' as const,
  })),
  { school_id: 'w1', la_code: 'B', arm: 'swis' as const, status: 'withdrawn' as const },
];
const scores = [40.5, 47.25, 51, 44.1];
const outcomes = schools.flatMap((s, i) => [
  {
    school_id: s.school_id,
    period: 'followup' as const,
    outcome: 'absence',
    count: 100 + i,
    exposure: 1000,
    value: null,
  },
  {
    school_id: s.school_id,
    period: 'followup' as const,
    outcome: 'attainment8',
    count: null,
    exposure: null,
    value: scores[i % 4]!,
  },
]);
const kinds = new Map([
  ['absence', 'sessions'],
  ['attainment8', 'score'],
  ['s47', 'count'],
]);
const summaries = trialSummaries({ schools, outcomes }, kinds, { threshold: 9, minSchools: 3 });
const find = (outcome: string, scope: string, group: string) =>
  summaries.find(
    (r) => r.outcome === outcome && r.scope === scope && r.group === group && r.period === 'followup',
  );

describe('trialSummaries', () => {
  it('gives the % of sessions missed, pooled over the analysed schools', () => {
    expect(find('absence', 'A', 'control')).toEqual({
      study: 'trial',
      kind: 'sessions',
      outcome: 'absence',
      scope: 'A',
      group: 'control',
      period: 'followup' as const,
      schools: 4,
      sessionsMissed: 104 + 105 + 106 + 107,
      sessionsPossible: 4000,
      percentMissed: 10.55,
    });
  });

  it('gives the mean score with the 95% t interval of R’s t.test', () => {
    const row = find('attainment8', 'A', 'control');
    // t.test(c(40.5, 47.25, 51, 44.1))$conf.int
    expect(row).toMatchObject({ kind: 'score', schools: 4, mean: 45.7125 });
    if (row?.kind !== 'score') throw new Error('expected a score row');
    expect(row.ciLow).toBeCloseTo(38.5908874959272, 6);
    expect(row.ciHigh).toBeCloseTo(52.8341125040728, 6);
  });

  it('withholds a summary from fewer than 3 schools, and the next smallest authority so that the overall figure does not reveal it', () => {
    // B's swis arm has two schools: withheld. Overall minus A would reveal it, so A's goes too.
    for (const outcome of ['absence', 'attainment8']) {
      const b = find(outcome, 'B', 'swis')!;
      const a = find(outcome, 'A', 'swis')!;
      expect(b.schools).toBe(2);
      for (const row of [a, b])
        for (const k of ['sessionsMissed', 'sessionsPossible', 'percentMissed', 'mean', 'ciLow', 'ciHigh'])
          if (k in row) expect(row[k as keyof typeof row]).toBe('c');
      expect(find(outcome, 'overall', 'swis')).not.toMatchObject({ mean: 'c' });
      expect(find(outcome, 'B', 'control')).not.toMatchObject({ percentMissed: 'c', mean: 'c' });
    }
  });

  it('summarises neither count outcomes nor schools that are not analysed', () => {
    expect(summaries.some((r) => r.outcome === 's47')).toBe(false);
    expect(find('absence', 'overall', 'swis')?.schools).toBe(6);
  });
});

describe('meanInterval', () => {
  it('matches R’s t.test(x)$conf.int', () => {
    const r = meanInterval([44, 46, 48]);
    expect(r.mean).toBe(46);
    expect(r.low).toBeCloseTo(41.0317245764993, 7);
    expect(r.high).toBeCloseTo(50.9682754235007, 7);
  });

  it('gives no interval for a single value', () => {
    expect(meanInterval([46])).toEqual({ mean: 46 });
  });
});
