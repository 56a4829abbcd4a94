/**
 * Build-time access to the releases recorded by `npm run release` under data/releases/ (or
 * RELEASES_DIR). Every date a page shows about a release comes from its release.json, never the
 * build clock. A malformed release stops the build with the file and what was wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseRecordSchema, sortReleases, type ReleaseRecord } from '../lib/releases/releaseRecord.ts';
import type { ReleaseSnapshot } from '../lib/releases/describeChanges.ts';
import { parseResultsFile, type Manifest } from '../lib/contracts/resultsSchemas.ts';
import { isInBuild, publicationState, type PublicationState } from '../lib/content/visibility.ts';
import { previewOptions } from './previewOptions.ts';

/** The folder releases are read from. */
export const RELEASES_DIR = process.env.RELEASES_DIR ?? 'data/releases';

let cache: ReleaseRecord[] | undefined;

/** Every release, oldest first. An absent folder means no releases yet. */
export function listReleases(dir: string = RELEASES_DIR): ReleaseRecord[] {
  if (dir === RELEASES_DIR && cache) return cache;
  const versions = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
        .map((d) => d.name)
    : [];
  const records = versions.map((v) => {
    const path = join(dir, v, 'release.json');
    const parsed = releaseRecordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      throw new Error(
        `${path}: not a valid release record: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`).join('; ')}`,
      );
    if (parsed.data.version !== v)
      throw new Error(`${path}: expected version "${v}" (the folder's name), found "${parsed.data.version}"`);
    return parsed.data;
  });
  const sorted = sortReleases(records);
  if (dir === RELEASES_DIR) cache = sorted;
  return sorted;
}

let published: ReleaseRecord[] | undefined;

/**
 * The releases this build publishes, oldest first: every release but drafts and those still under
 * embargo (src/site/previewOptions.ts), unless the build asks for drafts. Pages read releases
 * through this; `listReleases` is every archived release, for the commands.
 */
export function publishedReleases(): ReleaseRecord[] {
  if (published) return published;
  const options = previewOptions();
  return (published = listReleases().filter((r) => isInBuild(releaseState(r), options)));
}

/** A release's draft flag and embargo day, as visibility.ts reads them. */
export function releaseState(r: ReleaseRecord): { draft?: boolean; embargo?: Date } {
  return {
    ...(r.draft === true ? { draft: true } : {}),
    ...(r.embargo !== undefined ? { embargo: new Date(`${r.embargo}T00:00:00Z`) } : {}),
  };
}

/** Whether a release is published, a draft or under embargo in this build (for its label). */
export function releasePublication(r: ReleaseRecord): PublicationState {
  return publicationState(releaseState(r), previewOptions());
}

/** The text of one archived file of a release, exactly as recorded. */
export function readReleaseFile(version: string, name: string, dir: string = RELEASES_DIR): string {
  return readFileSync(join(dir, version, name), 'utf8');
}

/** A release with its archived estimates, for comparing releases. */
export function releaseSnapshot(record: ReleaseRecord, dir: string = RELEASES_DIR): ReleaseSnapshot {
  return {
    record,
    estimates: parseResultsFile(
      'estimates.json',
      readReleaseFile(record.version, 'estimates.json', dir),
      join(dir, record.version, 'estimates.json'),
    ),
  };
}

/** The archived files that hold a release's numbers (summaries where it has them); the others describe them. */
const NUMBER_FILES = ['estimates.json', 'rates.json', 'summaries.json'];

/**
 * The release whose archived numbers (estimates, rates, summaries) are byte for byte the results the
 * site is built from, by the SHA-256 the results manifest records for its outputs; null when the
 * current results are not (yet) a release. Numbers, not inputs, decide: a change to the data that
 * leaves every published number as it was (a new wording band, a corrected label) does not make
 * the figures unreleased.
 */
export function releaseMatching(
  manifest: Pick<Manifest, 'outputs'>,
  releases: readonly ReleaseRecord[] = publishedReleases(),
): ReleaseRecord | null {
  const current = new Map(manifest.outputs.map((o) => [o.name, o.sha256]));
  for (const r of [...releases].reverse()) {
    const numbers = r.files.filter((f) => NUMBER_FILES.includes(f.name));
    if (numbers.length > 0 && numbers.every((f) => current.get(f.name) === f.sha256)) return r;
  }
  return null;
}
