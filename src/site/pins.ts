/**
 * Which results a page shows. A published page is pinned to a release and shows that release's
 * archived numbers, so a dated update keeps the figures of its date whatever the data do later;
 * work not yet released is shown only where a page previews it, labelled "not yet released".
 *
 * - A findings page shows the latest release, or, when the results in `out/` are not (yet) any
 *   release, those results as a preview of the next version.
 * - An earlier version of a findings page (/findings/<slug>/<version>/) shows that release.
 * - An update shows the release named by its `release:` field; else the latest release made on or
 *   before its date; else, if it is dated after every release and the results are unreleased,
 *   the preview; else (dated before any release) the preview too, labelled.
 *
 * Builds never read the clock: every choice here follows from dates in content and releases.
 */
import { join } from 'node:path';
import {
  parseResultsFile,
  type DatasetFacts,
  type Estimate,
  type Rate,
  type ResultsFile,
  type ResultsFileName,
  type Summary,
} from '../lib/contracts/resultsSchemas.ts';
import type { ReleaseRecord } from '../lib/releases/releaseRecord.ts';
import { readResults } from './readResults.ts';
import { publishedReleases, readReleaseFile, releaseMatching, RELEASES_DIR } from './releases.ts';
import { siteData, summaryRows } from './siteData.ts';

/** A page's pin: a release by version, or null for the current, unreleased results. */
export type Pin = string | null;

/** The results a pinned page reads. */
export interface PinnedResults {
  /** The release, or null for results not yet released. */
  release: ReleaseRecord | null;
  estimates: Estimate[];
  rates: Rate[];
  /** The release's dataset.json; null for an archive made before releases kept it. */
  dataset: DatasetFacts | null;
  /**
   * The release's summaries.json (absence %, mean scores); [] when its results had none to write;
   * null for an archive made before releases kept them.
   */
  summaries: Summary[] | null;
}

/** The release the current results are, or null when they are not yet released. */
export function currentRelease(): ReleaseRecord | null {
  return releaseMatching(readResults('manifest.json'));
}

/** What a findings page shows by default: the latest release, or the unreleased preview. */
export function findingPin(releases: readonly ReleaseRecord[] = publishedReleases()): Pin {
  if (currentRelease() === null) return null;
  return releases.at(-1)?.version ?? null;
}

/** What an update dated `date` (YYYY-MM-DD) shows, given its optional `release:` field. */
export function updatePin(
  date: string,
  named: string | undefined,
  releases: readonly ReleaseRecord[] = publishedReleases(),
): Pin {
  if (named !== undefined) {
    if (!releases.some((r) => r.version === named))
      throw new Error(
        `release: "${named}" is not a release; releases that exist: ${releases.map((r) => r.version).join(', ') || 'none'}. Name one of them, or leave the field out to use the release current on the update's date.`,
      );
    return named;
  }
  const onOrBefore = releases.filter((r) => r.date <= date).at(-1);
  const latest = releases.at(-1);
  if (onOrBefore && (onOrBefore !== latest || date === latest.date || currentRelease() !== null))
    return onOrBefore.version;
  return null;
}

const cache = new Map<string, PinnedResults>();

/** The results for a pin: a release's archived files, or the current results for null. */
export function pinnedResults(pin: Pin | undefined): PinnedResults {
  if (pin === null || pin === undefined) {
    const { estimates, rates, dataset } = siteData();
    return { release: currentRelease(), estimates, rates, dataset, summaries: summaryRows() };
  }
  let hit = cache.get(pin);
  if (!hit) {
    const release = publishedReleases().find((r) => r.version === pin);
    if (!release) throw new Error(`No release "${pin}" in the releases folder.`);
    const read = <N extends ResultsFileName>(name: N): ResultsFile<N> | null =>
      release.files.some((f) => f.name === name)
        ? parseResultsFile(name, readReleaseFile(pin, name), join(RELEASES_DIR, pin, name))
        : null;
    const manifest = read('manifest.json');
    hit = {
      release,
      estimates: read('estimates.json') ?? [],
      rates: read('rates.json') ?? [],
      dataset: read('dataset.json'),
      // Archived when its results had summaries (their manifest names the file); before releases
      // kept summaries, a release whose results had them has none to show.
      summaries:
        read('summaries.json') ?? (manifest?.outputs.some((o) => o.name === 'summaries.json') ? null : []),
    };
    cache.set(pin, hit);
  }
  return hit;
}

/** The releases in which a study has estimates: the versions of its findings page, oldest first. */
export function studyVersions(study: string): ReleaseRecord[] {
  return publishedReleases().filter((r) => pinnedResults(r.version).estimates.some((e) => e.study === study));
}
