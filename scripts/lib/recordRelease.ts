/**
 * Records the results folder as a release under the releases folder: copies the archived
 * results files byte for byte and writes release.json beside them. The release appears whole or
 * not at all (written to a hidden temporary folder, then renamed), and an existing release is
 * never overwritten: a published version is a permalink.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  makeReleaseRecord,
  OPTIONAL_RELEASE_FILES,
  RELEASE_FILES,
  releaseOrderProblem,
  versionDateMismatch,
  versionSchema,
  type ReleaseChange,
  type ReleaseRecord,
} from '../../src/lib/releases/releaseRecord.ts';
import { parseResultsFile } from '../../src/lib/contracts/resultsSchemas.ts';
import { stableJson } from '../../src/lib/contracts/stableJson.ts';
import { dateRefusalSentence, readIsoDate } from '../../src/lib/format/isoDate.ts';
import { listReleases } from '../../src/site/releases.ts';
import { readDataFolder } from './readDataFolder.ts';

/** A problem that stops a release, as a sentence for the researcher. */
export class ReleaseError extends Error {}

export interface RecordReleaseOptions {
  version: string;
  note: string;
  /** `YYYY-MM-DD`; the command passes today's date (UTC) unless --date is given. */
  date: string;
  resultsDir: string;
  releasesDir: string;
  /** When given, the results must have been computed from exactly these data files. */
  dataDir?: string;
  /** Why the release exists (scheduled update or correction); see releaseChangeSchema. */
  change?: ReleaseChange;
  /** Archive the release as a draft, or embargoed until a day: the site leaves it out until then. */
  draft?: boolean;
  embargo?: string;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** Writes the release and returns its record; throws ReleaseError with a sentence on any problem. */
export function recordRelease(o: RecordReleaseOptions): ReleaseRecord {
  const version = versionSchema.safeParse(o.version);
  if (!version.success)
    throw new ReleaseError(
      `--version: expected a version written YYYY-MM (such as 2023-03), found "${o.version}".`,
    );
  const date = readIsoDate(o.date);
  if (!date.ok) throw new ReleaseError(`--date: ${dateRefusalSentence(date.refusal)}`);
  const mismatch = versionDateMismatch(o.version, o.date);
  if (mismatch !== null)
    throw new ReleaseError(
      `--version: ${mismatch}: use --version ${o.date.slice(0, 7)}, or give --date the day in ${o.version} the release was made.`,
    );
  if (o.note.trim() === '')
    throw new ReleaseError('--note: expected a sentence saying what this release is, found nothing.');
  const target = join(o.releasesDir, o.version);
  if (existsSync(target))
    throw new ReleaseError(
      `${target}: release ${o.version} already exists and releases are never overwritten. Choose a new version.`,
    );
  let existing;
  try {
    existing = listReleases(o.releasesDir);
  } catch (e) {
    throw new ReleaseError(`${(e as Error).message}. Fix the archived release before making another.`);
  }
  const outOfOrder = releaseOrderProblem(o.date, existing);
  if (outOfOrder !== null) throw new ReleaseError(`--date: ${outOfOrder}.`);

  const read = (name: string) => {
    const path = join(o.resultsDir, name);
    if (!existsSync(path))
      throw new ReleaseError(
        `${path}: expected a results file here, found none. Run \`npm run results\` first.`,
      );
    return readFileSync(path);
  };
  const parse = <N extends 'manifest.json' | 'dataset.json'>(name: N, text: string) => {
    try {
      return parseResultsFile(name, text, join(o.resultsDir, name));
    } catch (e) {
      throw new ReleaseError((e as Error).message);
    }
  };
  const { cacheKey, ...manifest } = parse('manifest.json', read('manifest.json').toString('utf8'));
  // An optional file (summaries.json) is archived when the results wrote one, as their manifest says.
  const names = RELEASE_FILES.filter(
    (name) => !OPTIONAL_RELEASE_FILES.includes(name) || manifest.outputs.some((f) => f.name === name),
  );
  const files = new Map(names.map((name) => [name, read(name)]));
  // The manifest's cacheKey names the code that made out/ so that a build can reuse it
  // (scripts/lib/resultsCache.ts); a release records inputs and outputs, not the build cache, and
  // keeping the key would make every code change alter the bytes of an archived release.
  if (cacheKey !== undefined) files.set('manifest.json', Buffer.from(stableJson(manifest)));
  const dataset = parse('dataset.json', read('dataset.json').toString('utf8'));

  if (o.dataDir !== undefined) {
    const recorded = new Map(manifest.inputs.map((i) => [i.path, i.sha256]));
    const current = readDataFolder(o.dataDir).files;
    const changed = [
      ...[...current].filter(([p, text]) => recorded.get(p) !== sha256(text)).map(([p]) => p),
      ...[...recorded.keys()].filter((p) => !current.has(p)),
    ];
    if (changed.length > 0)
      throw new ReleaseError(
        `${join(o.resultsDir, 'manifest.json')}: expected results computed from the data in ${o.dataDir}, found that ${changed.map((p) => `${o.dataDir}/${p}`).join(', ')} changed since. Run \`npm run results\`, look at the site, then release.`,
      );
  }

  const record = makeReleaseRecord({
    version: o.version,
    date: o.date,
    note: o.note,
    dataset,
    files: names.map((name) => ({ name, sha256: sha256(files.get(name)!) })),
    ...(o.change ? { change: o.change } : {}),
    ...(o.draft === true ? { draft: true } : {}),
    ...(o.embargo !== undefined ? { embargo: o.embargo } : {}),
  });
  mkdirSync(o.releasesDir, { recursive: true });
  const temp = join(o.releasesDir, `.${o.version}.partial`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  try {
    for (const [name, bytes] of files) writeFileSync(join(temp, name), bytes);
    writeFileSync(join(temp, 'release.json'), stableJson(record));
    // Fails rather than replaces if the version appeared meanwhile (rename onto a non-empty folder).
    renameSync(temp, target);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return record;
}
