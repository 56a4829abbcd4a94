import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyses, modelKeys } from './analyses.ts';
import type { AnalysesInput } from './analyses.ts';
import { pilotCells, trialCells } from '../data/cells.ts';
import type { TrialRows } from '../data/cells.ts';
import type { PilotOutcomeRow, PilotSchoolRow, PilotSiteRow, TrialSchoolRow } from '../data/schemas.ts';
import type { Estimate } from '../contracts/resultsSchemas.ts';

// The small study and its expected estimates are made by scripts/reference/make-fixture-data.R
// and scripts/reference/fit-analyses.R (MASS::glm.nb / glm, the contract's formulas).
const dir = join(import.meta.dirname, '../../../tests/fixtures/glm');
const numeric = new Set(['pupils', 'fsm_percent', 'count']);

function readCsv<T>(name: string): T[] {
  const [header, ...lines] = readFileSync(join(dir, `analyses-${name}.csv`), 'utf8')
    .trim()
    .split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, numeric.has(n) ? Number(cells[i]) : cells[i]])) as T;
  });
}

// The models read the table of cells, as the loader builds it from these rows.
const trialRows = {
  schools: readCsv<TrialSchoolRow>('trial-schools'),
  outcomes: readCsv<TrialRows['outcomes'][number]>('trial-outcomes'),
  periods: readCsv<TrialRows['periods'][number]>('trial-periods'),
};
const pilotRows = {
  sites: readCsv<PilotSiteRow>('pilot-sites'),
  schools: readCsv<PilotSchoolRow>('pilot-schools'),
  outcomes: readCsv<PilotOutcomeRow>('pilot-outcomes'),
};
const input: AnalysesInput = {
  trial: { schools: trialRows.schools, periods: trialRows.periods, cells: trialCells(trialRows) },
  pilot: { sites: pilotRows.sites, schools: pilotRows.schools, cells: pilotCells(pilotRows) },
};
const expected = JSON.parse(readFileSync(join(dir, 'analyses-expected.json'), 'utf8')) as {
  estimates: Estimate[];
  notEstimable: string[];
};
const result = analyses(input);
const key = (e: Pick<Estimate, 'study' | 'outcome' | 'scope' | 'analysis'>): string =>
  `${e.study} ${e.outcome} ${e.scope} ${e.analysis}`;

describe('analyses on a small study', () => {
  it('estimates the same models as R, in the contract order', () => {
    expect(result.estimates.map(key)).toEqual(expected.estimates.map(key));
  });

  it.each(expected.estimates.map((e) => [key(e), e] as const))('%s matches MASS::glm.nb / glm', (_, want) => {
    const got = result.estimates.find((e) => key(e) === key(want))!;
    const tolerance = want.scope === 'overall' ? 1e-6 : 1e-4;
    expect(got.model).toBe(want.model);
    expect(got.schools).toBe(want.schools);
    for (const k of ['estimate', 'ciLow', 'ciHigh'] as const) {
      expect(Math.abs(got[k] - want[k]) / want[k]).toBeLessThan(tolerance);
    }
    expect(Math.abs(got.pValue - want.pValue) / want.pValue).toBeLessThan(tolerance);
    if (want.theta === undefined) expect(got).not.toHaveProperty('theta');
    else expect(Math.abs(got.theta! - want.theta) / want.theta).toBeLessThan(1e-5);
  });

  it('has exactly the contract keys on every estimate', () => {
    for (const e of result.estimates) {
      const keys = [
        'study',
        'outcome',
        'scope',
        'analysis',
        'effect',
        'model',
        'estimate',
        'ciLow',
        'ciHigh',
        'pValue',
        'schools',
      ];
      expect(Object.keys(e).sort()).toEqual(
        (e.model === 'negative_binomial' ? [...keys, 'theta'] : keys).sort(),
      );
    }
  });

  it('gives a not-estimable note, not an estimate, where an arm has no events', () => {
    const notes = result.notes.filter((n) => n.kind === 'not_estimable');
    expect(notes.map(key)).toEqual(expected.notEstimable);
    expect(notes[0]!.reason).toMatch(/no events in the swis arm/);
  });

  it('explains every Poisson estimate with a fallback note', () => {
    const poisson = result.estimates.filter((e) => e.model === 'poisson').map(key);
    expect(result.notes.filter((n) => n.kind === 'poisson_fallback').map(key)).toEqual(poisson);
  });

  it('says every count estimate is a rate ratio', () => {
    expect(new Set(result.estimates.map((e) => e.effect))).toEqual(new Set(['rate_ratio']));
  });

  it('never returns NaN', () => {
    for (const e of result.estimates)
      expect([e.estimate, e.ciLow, e.ciHigh, e.pValue].every(Number.isFinite)).toBe(true);
  });
});

// The same trial with an absence (sessions) and an attainment (score) outcome (see below).
const kindsOf = readCsv<{ outcome: string; kind: 'sessions' | 'score' }>('kinds-outcomes');
const rows = readFileSync(join(dir, 'analyses-kinds-trial-outcomes.csv'), 'utf8').trim().split('\n').slice(1);
const blankOrNumber = (cell: string | undefined): number | null =>
  cell === '' || cell === undefined ? null : Number(cell);
const kindsRows: TrialRows = {
  ...trialRows,
  outcomes: rows.map((line) => {
    const [school_id, period, outcome, count, exposure, value] = line.split(',');
    return {
      school_id: school_id!,
      period: period as 'baseline' | 'followup',
      outcome: outcome!,
      count: blankOrNumber(count),
      exposure: blankOrNumber(exposure),
      value: blankOrNumber(value),
    };
  }),
};
const kinds = new Map(kindsOf.map((k) => [k.outcome, k.kind]));
const kindsInput: AnalysesInput = {
  trial: { ...input.trial!, cells: trialCells(kindsRows, kinds) },
};
describe('modelKeys', () => {
  it('lists, without fitting, the key of every estimate or not-estimable note that analyses gives', () => {
    for (const [study, given] of [
      [input, result],
      [kindsInput, analyses(kindsInput)],
    ] as const) {
      const keys = [...given.estimates, ...given.notes.filter((n) => n.kind === 'not_estimable')].map(key);
      expect(modelKeys(study).map(key).sort()).toEqual(keys.sort());
    }
  });
});

describe('analyses with the per-authority models on a worker thread', () => {
  it('gives the same estimates and notes, bit for bit, as on one thread', () => {
    const oneThread = analyses(input, { parallel: false });
    const twoThreads = analyses(input, { parallel: true });
    expect(twoThreads.estimates.length).toBeGreaterThan(0);
    expect(twoThreads).toEqual(oneThread);
    expect(JSON.stringify(twoThreads)).toBe(JSON.stringify(oneThread));
  });
});

// The same trial with an absence (sessions) and an attainment (score) outcome, made by
// scripts/reference/make-kinds-fixture-data.R and fitted by scripts/reference/fit-analyses-kinds.R
// (MASS::glm.nb with offset(log(exposure)); lm).
describe('analyses of sessions and score outcomes', () => {
  const kindsExpected = JSON.parse(readFileSync(join(dir, 'analyses-kinds-expected.json'), 'utf8')) as {
    estimates: Estimate[];
  };
  const kindsResult = analyses(kindsInput);

  it('estimates the same models as R, in the contract order, with no notes', () => {
    expect(kindsResult.estimates.map(key)).toEqual(kindsExpected.estimates.map(key));
    expect(kindsResult.notes).toEqual([]);
  });

  it.each(kindsExpected.estimates.map((e) => [key(e), e] as const))(
    '%s matches MASS::glm.nb with offset(log(exposure)) or lm',
    (_, want) => {
      const got = kindsResult.estimates.find((e) => key(e) === key(want))!;
      const tolerance = want.scope === 'overall' ? 1e-6 : 1e-4;
      expect([got.effect, got.model, got.schools]).toEqual([want.effect, want.model, want.schools]);
      // Ratios relative to their size; differences in points, absolute (they sit near 0).
      const difference = (a: number, b: number): number =>
        want.effect === 'rate_ratio' ? Math.abs(a - b) / Math.abs(b) : Math.abs(a - b);
      for (const k of ['estimate', 'ciLow', 'ciHigh'] as const)
        expect(difference(got[k], want[k])).toBeLessThan(tolerance);
      expect(Math.abs(got.pValue - want.pValue) / want.pValue).toBeLessThan(tolerance);
      if (want.theta === undefined) expect(got).not.toHaveProperty('theta');
      else expect(Math.abs(got.theta! - want.theta) / want.theta).toBeLessThan(1e-5);
    },
  );

  it('refuses a score model whose design is singular, with its reason, as for counts', () => {
    // Every school's baseline score the same: the baseline term is a multiple of the intercept.
    const flat: AnalysesInput = {
      trial: {
        ...kindsInput.trial!,
        cells: kindsInput.trial!.cells.map((c) =>
          c.outcome === 'attainment8' && c.period === 'baseline' ? { ...c, value: 45 } : c,
        ),
      },
    };
    const note = analyses(flat).notes.find((n) => n.outcome === 'attainment8' && n.analysis === 'adjusted');
    expect(note).toEqual({
      study: 'trial',
      outcome: 'attainment8',
      scope: 'overall',
      analysis: 'adjusted',
      kind: 'not_estimable',
      reason: 'the design is singular: column "baseline_value" is constant or a combination of others',
    });
  });
});
