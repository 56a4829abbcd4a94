/**
 * Synthetic attendance and attainment for the demonstration trial (the contract's outcome kinds
 * `sessions` and `score`): made up, calibrated only to the size of published national figures.
 *
 * - Absence: sessions missed out of sessions possible. Secondary schools in England miss about
 *   8–9% of sessions (DfE, Pupil absence in schools in England, 2018/19 to 2022/23, overall
 *   absence in state-funded secondary schools); each school has its own persistent rate, higher
 *   with more pupils eligible for free school meals, and period-to-period variation.
 * - Attainment 8: the school's mean score, about 45–47 points nationally over the same years
 *   (DfE, Key stage 4 performance), lower with more free school meals.
 * Both have small, null-ish SWIS effects, as the trial's social care outcomes do.
 */
import { randomGamma, randomNormal, randomPoisson } from 'd3';

type Rng = () => number;

/** Outcome code, label, description, direction and kind of each educational outcome. */
export const EDUCATION_OUTCOMES = [
  [
    'absence',
    'Absence (sessions missed)',
    'Sessions missed through absence, authorised or not, out of all the sessions pupils could attend: the overall absence rate.',
    'lower_is_better',
    'sessions',
  ],
  [
    'attainment8',
    'Attainment 8 score',
    "The school's average Attainment 8 score: pupils' results in eight GCSE-level subjects, from 0 to 90 points.",
    'neutral',
    'score',
  ],
] as const;

/** Sessions a pupil can attend in a school year: two a day on about 190 days. */
export const SESSIONS_PER_YEAR = 380;
/** The typical secondary school's share of sessions missed. */
export const ABSENCE_RATE = 0.085;
/** The typical school's Attainment 8 score at the national FSM share. */
export const ATTAINMENT8_MEAN = 46;
/** True effects in SWIS schools at follow-up: a ratio of absence rates and a difference in points. */
export const TRUE_EDUCATION_EFFECT = { absenceRateRatio: 0.99, attainment8Difference: 0.3 } as const;

/** A school as the generator sees it. */
export interface EducationSchool {
  school_id: string;
  arm: 'swis' | 'control';
  pupils: number;
  fsm_percent: number;
}

/**
 * The rows of trial/outcomes.csv for the educational outcomes of `schools` in each period:
 * `[school_id, period, outcome, count, exposure, value]`, absence with its sessions missed and
 * possible, Attainment 8 with its value (one decimal). Deterministic for a given `rng`.
 */
export function educationRows(
  rng: Rng,
  schools: readonly EducationSchool[],
  periods: readonly { period: string; months: number }[],
): string[][] {
  const normal = randomNormal.source(rng);
  const gamma = randomGamma.source(rng);
  const poisson = randomPoisson.source(rng);
  const rows: string[][] = [];
  for (const s of schools) {
    // Persistent school effects: baseline predicts follow-up.
    const absence = ABSENCE_RATE * Math.exp(0.012 * (s.fsm_percent - 22) + normal(0, 0.18)());
    const attainment = ATTAINMENT8_MEAN - 0.25 * (s.fsm_percent - 22) + normal(0, 4)();
    for (const p of periods) {
      const followup = p.period === 'followup' && s.arm === 'swis';
      const possible = Math.round((s.pupils * SESSIONS_PER_YEAR * p.months) / 12);
      const effect = followup ? TRUE_EDUCATION_EFFECT.absenceRateRatio : 1;
      // Gamma noise with shape 60 (about 13% between periods) makes the counts overdispersed.
      const lambda = possible * absence * effect * gamma(60, 1 / 60)();
      const missed = Math.min(possible, poisson(lambda)());
      rows.push([s.school_id, p.period, 'absence', String(missed), String(possible), '']);
      const score =
        attainment + (followup ? TRUE_EDUCATION_EFFECT.attainment8Difference : 0) + normal(0, 1.5)();
      rows.push([
        s.school_id,
        p.period,
        'attainment8',
        '',
        '',
        (Math.round(clamp(score, 5, 85) * 10) / 10).toFixed(1),
      ]);
    }
  }
  return rows;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
