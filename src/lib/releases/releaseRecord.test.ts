import { describe, expect, it } from 'vitest';
import { releaseOrderProblem, releaseRecordSchema, sortReleases } from './releaseRecord.ts';

const record = (version: string, date: string) => ({
  version,
  date,
  note: 'n',
  synthetic: true,
  dataset: null,
  trialFollowUpMonths: null,
  outcomes: [],
  files: [],
});

describe('release records', () => {
  it('may be a draft or embargoed until an ISO day, and older records without either still parse', () => {
    expect(releaseRecordSchema.parse({ ...record('2023-03', '2023-03-30'), draft: true }).draft).toBe(true);
    expect(
      releaseRecordSchema.parse({ ...record('2023-03', '2023-03-30'), embargo: '2023-04-15' }).embargo,
    ).toBe('2023-04-15');
    expect(
      releaseRecordSchema.safeParse({ ...record('2023-03', '2023-03-30'), embargo: '15/04/2023' }).success,
    ).toBe(false);
  });

  it("accept a version that is the year and month of the release's date", () => {
    expect(releaseRecordSchema.safeParse(record('2023-03', '2023-03-30')).success).toBe(true);
  });

  it('refuse one that is not, at the version, saying what it should be', () => {
    const r = releaseRecordSchema.safeParse(record('2025-06', '2026-12-01'));
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'version',
        `expected the year and month of the release's date 2026-12-01, that is 2026-12, found "2025-06". A release's version is the year and month of its date`,
      ],
    ]);
  });

  it('keep the rule when extended with fields of a later kind of release', () => {
    const extended = releaseRecordSchema.extend({ kind: releaseRecordSchema.shape.note });
    expect(extended.safeParse({ ...record('2025-06', '2026-12-01'), kind: 'correction' }).success).toBe(
      false,
    );
    expect(extended.safeParse({ ...record('2026-12', '2026-12-01'), kind: 'correction' }).success).toBe(true);
  });
});

describe('release order', () => {
  it('is date order, so "What changed" compares each release with the one before it in time', () => {
    // Records as main accepted them before versions had to match dates: 2024-12 made after 2025-06.
    const sorted = sortReleases([record('2024-12', '2026-12-02'), record('2025-06', '2026-12-01')]);
    expect(sorted.map((r) => r.version)).toEqual(['2025-06', '2024-12']);
  });

  it('refuses a new release dated before the latest, and accepts one after it', () => {
    const existing = [record('2023-03', '2023-03-30'), record('2025-06', '2025-06-15')];
    expect(releaseOrderProblem('2024-12-01', existing)).toBe(
      'expected a date on or after that of the latest release, 2025-06 (2025-06-15), found 2024-12-01. Releases are ordered by date and each is compared with the one before it, so a release cannot be dated before one already made',
    );
    expect(releaseOrderProblem('2025-07-01', existing)).toBeNull();
    expect(releaseOrderProblem('2020-01-01', [])).toBeNull();
  });
});
