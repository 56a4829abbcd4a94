/**
 * The results a findings page's usual address shows (src/site/pins.ts): the latest release's
 * archive when the results in out/ are a release, else out/ itself (a preview, not yet released).
 * Tests that compare a findings page with numbers read them from here, not straight from out/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Record {
  version: string;
  date: string;
  files: { name: string; sha256: string }[];
}

/** The folder the findings pages read their numbers from, and the release it is (null: none). */
export function findingResultsDir(
  root: string,
  out = join(root, 'out'),
  releasesDir = join(root, 'data/releases'),
): { dir: string; release: Record | null } {
  const releases: Record[] = (existsSync(releasesDir) ? readdirSync(releasesDir) : [])
    .filter((v) => existsSync(join(releasesDir, v, 'release.json')))
    .map((v) => JSON.parse(readFileSync(join(releasesDir, v, 'release.json'), 'utf8')) as Record)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.version < b.version ? -1 : 1));
  const sha = (name: string) =>
    existsSync(join(out, name))
      ? createHash('sha256')
          .update(readFileSync(join(out, name)))
          .digest('hex')
      : '';
  const released = releases.some((r) =>
    r.files
      .filter((f) => ['estimates.json', 'rates.json', 'summaries.json'].includes(f.name))
      .every((f) => sha(f.name) === f.sha256),
  );
  const latest = releases.at(-1);
  return released && latest
    ? { dir: join(releasesDir, latest.version), release: latest }
    : { dir: out, release: null };
}
