import { describe, expect, it } from 'vitest';
import {
  changesSentence,
  describeChanges,
  labelInSentence,
  type ReleaseEstimate,
  type ReleaseSnapshot,
} from './describeChanges.ts';
import type { ReleaseRecord } from './releaseRecord.ts';

const OUTCOMES = [
  { outcome: 'referral', label: "Referrals to children's social care" },
  { outcome: 's47', label: 'Section 47 enquiries' },
];
const record = (version: string, months: number, outcomes = OUTCOMES): ReleaseRecord => ({
  version,
  date: `${version}-01`,
  note: 'test',
  synthetic: true,
  dataset: 'test',
  trialFollowUpMonths: months,
  outcomes,
  files: [],
});
const est = (
  outcome: string,
  estimate: number,
  ciLow: number,
  ciHigh: number,
  analysis: ReleaseEstimate['analysis'] = 'adjusted',
  study: ReleaseEstimate['study'] = 'trial',
): ReleaseEstimate => ({
  study,
  outcome,
  analysis,
  scope: 'overall',
  estimate,
  ciLow,
  ciHigh,
});

describe('describeChanges', () => {
  it('words a moved rate ratio and an added outcome as the findings page shows them', () => {
    const older: ReleaseSnapshot = {
      record: record('2023-03', 23, [OUTCOMES[1]!]),
      estimates: [est('s47', 1.0212, 0.9001, 1.1549), est('s47', 1.3, 1.1, 1.5, 'unadjusted')],
    };
    const newer: ReleaseSnapshot = {
      record: record('2024-10', 35),
      estimates: [est('s47', 1.0551, 0.9553, 1.1662), est('referral', 0.98, 0.8, 1.2)],
    };
    expect(
      changesSentence('2023-03', '2024-10', describeChanges('trial', older, newer)),
    ).toMatchInlineSnapshot(
      `"Between release 2023-03 and release 2024-10: follow-up extended from 23 to 35 months; referrals to children's social care added, with a rate ratio of 0.98 (0.80 to 1.20); the rate ratio for Section 47 enquiries moved from 1.02 (0.90 to 1.15) to 1.06 (0.96 to 1.17)."`,
    );
  });

  it('groups unchanged outcomes, reports removed ones, and ignores other analyses and studies', () => {
    const older: ReleaseSnapshot = {
      record: record('2023-03', 23, [...OUTCOMES, { outcome: 's17', label: 'Section 17 assessments' }]),
      estimates: [
        est('s47', 0.81, 0.6, 1.1, 'did', 'pilot'),
        est('referral', 0.9, 0.7, 1.2, 'did', 'pilot'),
        est('s17', 1.1, 0.9, 1.3, 'did', 'pilot'),
        est('s47', 2, 1, 3, 'adjusted', 'trial'),
      ],
    };
    const newer: ReleaseSnapshot = {
      record: record('2024-10', 35),
      estimates: [
        est('s47', 0.8149, 0.6, 1.1, 'did', 'pilot'),
        est('referral', 0.9, 0.7, 1.2, 'did', 'pilot'),
      ],
    };
    expect(describeChanges('pilot', older, newer)).toMatchInlineSnapshot(`
      [
        "Section 17 assessments removed; the rate ratio was 1.10 (0.90 to 1.30)",
        "the rate ratios for referrals to children's social care and Section 47 enquiries did not change",
      ]
    `);
    expect(changesSentence('2023-03', '2024-10', describeChanges('dsl-supervision', older, newer))).toBe(
      'No estimates for this study changed between release 2023-03 and release 2024-10.',
    );
  });

  it('keeps the capitals of section names and acronyms inside a sentence', () => {
    expect(labelInSentence('Section 47 enquiries')).toBe('Section 47 enquiries');
    expect(labelInSentence('ICPC held')).toBe('ICPC held');
    expect(labelInSentence('Children starting to be looked after')).toBe(
      'children starting to be looked after',
    );
  });
});

describe('describeChanges with a score outcome', () => {
  const outcomes = [...OUTCOMES, { outcome: 'attainment8', label: 'Attainment 8 score' }];
  const difference = (estimate: number, ciLow: number, ciHigh: number) => ({
    ...est('attainment8', estimate, ciLow, ciHigh),
    effect: 'mean_difference' as const,
  });
  it('words a difference in mean score in points, never as a rate ratio, and keeps "Attainment 8" a name', () => {
    const older: ReleaseSnapshot = {
      record: record('2023-03', 23, outcomes),
      estimates: [est('s47', 1.07, 0.96, 1.2), difference(-0.16, -0.64, 0.32)],
    };
    const newer: ReleaseSnapshot = {
      record: record('2024-10', 23, outcomes),
      estimates: [est('s47', 1.07, 0.96, 1.2), difference(0.68, 0.22, 1.13)],
    };
    expect(describeChanges('trial', older, newer)).toEqual([
      'the difference in mean score for Attainment 8 score moved from −0.16 points (−0.64 to 0.32) to 0.68 points (0.22 to 1.13)',
      'the rate ratio for Section 47 enquiries did not change',
    ]);
    expect(describeChanges('trial', older, { ...older, record: record('2024-10', 23, outcomes) })).toEqual([
      'the rate ratio for Section 47 enquiries did not change',
      'the difference in mean score for Attainment 8 score did not change',
    ]);
  });
});
