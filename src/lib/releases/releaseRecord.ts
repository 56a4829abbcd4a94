/**
 * A release: the results of one moment, archived under data/releases/<version>/ so that readers
 * can see what changed between follow-ups and cite exactly what they read. The record
 * (release.json) holds everything a page needs about the release; the archived results files
 * beside it are byte-for-byte copies of the results folder at release time.
 */
import { z } from 'zod';
import type { DatasetFacts } from '../contracts/resultsSchemas.ts';
import { monthsInclusive } from '../data/months.ts';

/**
 * The results files a release archives, in the order pages list them. dataset.json (outcome labels,
 * the flow of schools, the disclosure threshold) and summaries.json were added after the first
 * releases: a release without them is read with what it has.
 */
export const RELEASE_FILES = [
  'estimates.json',
  'rates.json',
  'summaries.json',
  'dataset.json',
  'manifest.json',
] as const;

/**
 * The release files archived only when the results have them: `npm run results` writes
 * summaries.json only for a trial with outcomes that are not counts (absence, scores).
 */
export const OPTIONAL_RELEASE_FILES: readonly (typeof RELEASE_FILES)[number][] = ['summaries.json'];

/** A release version: the year and month it was made, `YYYY-MM`, e.g. `2023-03`. */
export const versionSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a version written YYYY-MM with the month 01 to 12, such as 2023-03');

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z.iso.date('a date written YYYY-MM-DD, such as 2023-03-30');

/**
 * Why a version does not belong to a date, or null when it does: a release's version is the year
 * and month of its date, so that a citation's year and its date agree and version order is date
 * order (`--version 2025-06` dated 2026-12-01 would be cited as "(2025) … 1 December 2026").
 */
export function versionDateMismatch(version: string, date: string): string | null {
  const month = date.slice(0, 7);
  return version === month
    ? null
    : `expected the year and month of the release's date ${date}, that is ${month}, found "${version}". A release's version is the year and month of its date`;
}

/** Why a release exists: a scheduled update (a new follow-up, a new outcome) or a correction. */
export const CHANGE_KINDS = ['scheduled_update', 'correction'] as const;

/**
 * The typed change a release records: its kind, one sentence of reason, whether the conclusions
 * changed, and the findings (studies) it affects. Optional in the record, so releases made before
 * it existed stay valid; `npm run release --kind …` writes it.
 */
export const releaseChangeSchema = z.strictObject({
  kind: z.enum(CHANGE_KINDS),
  reason: z.string().trim().min(1, 'a sentence saying why this release was made'),
  conclusionsChanged: z.boolean(),
  affects: z.array(z.string().min(1)),
});
export type ReleaseChange = z.infer<typeof releaseChangeSchema>;

/**
 * release.json, the record of one release. Extend it with `.extend({...})`: the rule that the
 * version is the year and month of the date stays with the extended schema.
 */
export const releaseRecordSchema = z
  .strictObject({
    version: versionSchema,
    date: isoDateSchema,
    note: z.string().trim().min(1, 'a note saying what the release is'),
    synthetic: z.boolean(),
    dataset: z.string().nullable(),
    trialFollowUpMonths: z.number().int().positive().nullable(),
    outcomes: z.array(z.strictObject({ outcome: z.string(), label: z.string() })),
    files: z.array(z.strictObject({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
    change: releaseChangeSchema.optional(),
    /**
     * A release that is not yet published (src/lib/content/visibility.ts): a draft, or embargoed
     * until a day. The site leaves it out unless the build asks for drafts; absent in older records.
     */
    draft: z.boolean().optional(),
    embargo: isoDateSchema.optional(),
  })
  .superRefine((record, ctx) => {
    const mismatch = versionDateMismatch(record.version, record.date);
    if (mismatch !== null) ctx.addIssue({ code: 'custom', path: ['version'], message: mismatch });
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
  change?: ReleaseChange;
  draft?: boolean;
  embargo?: string;
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
    ...(input.change ? { change: input.change } : {}),
    ...(input.draft === true ? { draft: true } : {}),
    ...(input.embargo !== undefined ? { embargo: input.embargo } : {}),
  });
}

/** Releases sorted oldest first by date (then version): "What changed" compares in this order. */
export function sortReleases<T extends { version: string; date: string }>(releases: readonly T[]): T[] {
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...releases].sort((a, b) => order(a.date, b.date) || order(a.version, b.version));
}

/**
 * Why a new release dated `date` cannot follow the existing ones, or null when it can: releases
 * are ordered by date, each compared with the one before, so a release dated before the latest
 * one would be compared the wrong way round with what readers have already seen.
 */
export function releaseOrderProblem(
  date: string,
  existing: readonly { version: string; date: string }[],
): string | null {
  const latest = sortReleases(existing).at(-1);
  if (latest === undefined || latest.date <= date) return null;
  return `expected a date on or after that of the latest release, ${latest.version} (${latest.date}), found ${date}. Releases are ordered by date and each is compared with the one before it, so a release cannot be dated before one already made`;
}
