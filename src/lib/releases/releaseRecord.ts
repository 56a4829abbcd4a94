/**
 * A release: the results of one moment, archived under data/releases/<version>/ so that readers
 * can see what changed between follow-ups and cite exactly what they read. The record
 * (release.json) holds everything a page needs about the release; the archived results files
 * beside it are byte-for-byte copies of the results folder at release time.
 */
import { z } from 'zod';
import type { DatasetFacts } from '../contracts/resultsSchemas.ts';
import { monthsInclusive } from '../results/months.ts';

/** The results files a release archives, in the order pages list them. */
export const RELEASE_FILES = ['estimates.json', 'rates.json', 'manifest.json'] as const;

/** A release version: the year and month it was made, `YYYY-MM`, e.g. `2023-03`. */
export const versionSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a version written YYYY-MM with the month 01 to 12, such as 2023-03');

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z.iso.date('a date written YYYY-MM-DD, such as 2023-03-30');

/** release.json, the record of one release. */
export const releaseRecordSchema = z.strictObject({
  version: versionSchema,
  date: isoDateSchema,
  note: z.string().trim().min(1, 'a note saying what the release is'),
  synthetic: z.boolean(),
  dataset: z.string().nullable(),
  trialFollowUpMonths: z.number().int().positive().nullable(),
  outcomes: z.array(z.strictObject({ outcome: z.string(), label: z.string() })),
  files: z.array(z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type ReleaseRecord = z.infer<typeof releaseRecordSchema>;

/**
 * The record of a release made from a results folder's dataset facts and file hashes. Pure: the
 * caller supplies the date (the release command uses today's date unless told otherwise), so
 * the same inputs always give the same record.
 */
export function makeReleaseRecord(input: {
  version: string;
  date: string;
  note: string;
  dataset: DatasetFacts;
  files: { name: string; sha256: string }[];
}): ReleaseRecord {
  const followup = input.dataset.trial?.periods.find((p) => p.period === 'followup');
  return releaseRecordSchema.parse({
    version: input.version,
    date: input.date,
    note: input.note.trim(),
    synthetic: input.dataset.synthetic,
    dataset: input.dataset.name ?? null,
    trialFollowUpMonths: followup ? monthsInclusive(followup.start_month, followup.end_month) : null,
    outcomes: input.dataset.outcomes.map((o) => ({ outcome: o.outcome, label: o.label })),
    files: input.files,
  });
}

/** Releases sorted oldest first; versions are `YYYY-MM`, so text order is time order. */
export function sortReleases<T extends { version: string }>(releases: readonly T[]): T[] {
  return [...releases].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}
