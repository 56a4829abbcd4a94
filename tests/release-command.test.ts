import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../scripts/release.ts';
import { releaseRecordSchema } from '../src/lib/releases/releaseRecord.ts';
import { inProcess } from './helpers/inProcess.ts';
import { root, runScript } from './helpers/runScript.ts';

// scripts/test.mjs builds first, so out/ holds the results of data/.
let work: string;
const folder = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
const repository = (releases: string) => [
  '--results',
  join(root, 'out'),
  '--data',
  join(root, 'data'),
  '--releases',
  releases,
];
/** `npm run release` as a reader runs it: its own process, its exit code and its two streams. */
const command = (releases: string, ...extra: string[]) =>
  runScript('release.ts', [...repository(releases), ...extra]);
/**
 * The same command in this process (scripts/release.ts's main), its lines collected as the
 * command prints them. A success, a refusal (exit 1) and a usage error (exit 2) run `command()`,
 * so the real exit codes and streams stay covered.
 */
const release = (releases: string, ...extra: string[]) =>
  inProcess((sink) => main([...repository(releases), ...extra], sink));

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'swis-release-'));
});

describe('npm run release', () => {
  test('records estimates, rates, summaries, dataset and manifest byte for byte, with a record dated as asked', () => {
    const a = command(
      join(work, 'a'),
      '--version',
      '2025-01',
      '--note',
      'Test release.',
      '--date',
      '2025-01-15',
    );
    const b = release(
      join(work, 'b'),
      '--version',
      '2025-01',
      '--note',
      'Test release.',
      '--date',
      '2025-01-15',
    );
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    expect(a.stdout).toContain('recorded 2025-01 (2025-01-15, synthetic demonstration data)');
    const files = folder(join(work, 'a', '2025-01'));
    expect(Object.keys(files)).toEqual([
      'dataset.json',
      'estimates.json',
      'manifest.json',
      'rates.json',
      'release.json',
      'summaries.json',
    ]);
    expect(folder(join(work, 'b', '2025-01'))).toEqual(files);
    for (const f of ['estimates.json', 'rates.json', 'summaries.json', 'dataset.json'])
      expect(files[f]).toBe(readFileSync(join(root, 'out', f), 'utf8'));
    // The manifest is archived without the build cache key (scripts/lib/recordRelease.ts).
    const { cacheKey, ...manifest } = JSON.parse(readFileSync(join(root, 'out', 'manifest.json'), 'utf8'));
    expect(cacheKey).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(files['manifest.json']!)).toEqual(manifest);
    const record = releaseRecordSchema.parse(JSON.parse(files['release.json']!));
    expect(record).toMatchObject({
      version: '2025-01',
      date: '2025-01-15',
      note: 'Test release.',
      synthetic: true,
      trialFollowUpMonths: 23,
    });
    expect(record.files.map((f) => f.name)).toEqual([
      'estimates.json',
      'rates.json',
      'summaries.json',
      'dataset.json',
      'manifest.json',
    ]);
  });

  test('archives summaries.json only when the results wrote one, and refuses results whose manifest names a missing one', () => {
    // Results of a trial with count outcomes only: no summaries.json, and none in the manifest.
    const counts = join(work, 'counts-out');
    cpSync(join(root, 'out'), counts, { recursive: true });
    rmSync(join(counts, 'summaries.json'));
    const manifest = JSON.parse(readFileSync(join(counts, 'manifest.json'), 'utf8'));
    writeFileSync(
      join(counts, 'manifest.json'),
      JSON.stringify({
        ...manifest,
        outputs: manifest.outputs.filter((o: { name: string }) => o.name !== 'summaries.json'),
      }),
    );
    const args = ['--version', '2025-04', '--note', 'Counts only.', '--date', '2025-04-01'];
    const r = inProcess((sink) =>
      main(['--results', counts, '--releases', join(work, 'counts'), ...args], sink),
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(work, 'counts', '2025-04')).sort()).toEqual([
      'dataset.json',
      'estimates.json',
      'manifest.json',
      'rates.json',
      'release.json',
    ]);
    // The manifest names summaries.json but the file is gone: refused, nothing recorded.
    const gone = join(work, 'gone-out');
    cpSync(join(root, 'out'), gone, { recursive: true });
    rmSync(join(gone, 'summaries.json'));
    const g = inProcess((sink) => main(['--results', gone, '--releases', join(work, 'gone'), ...args], sink));
    expect(g.status).toBe(1);
    expect(g.stderr).toContain(
      `release: ${join(gone, 'summaries.json')}: expected a results file here, found none. Run \`npm run results\` first.`,
    );
    expect(existsSync(join(work, 'gone'))).toBe(false);
  });

  test('refuses to overwrite an existing version and leaves it unchanged', () => {
    const dir = join(work, 'again');
    expect(release(dir, '--version', '2025-02', '--note', 'First.', '--date', '2025-02-01').status).toBe(0);
    const before = folder(join(dir, '2025-02'));
    const r = command(dir, '--version', '2025-02', '--note', 'Second.', '--date', '2025-02-02');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('release 2025-02 already exists and releases are never overwritten');
    expect(folder(join(dir, '2025-02'))).toEqual(before);
  });

  test('refuses a version not written YYYY-MM, an impossible date and a missing note', () => {
    const dir = join(work, 'bad');
    const v = release(dir, '--version', '2023-3', '--note', 'x');
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(
      '--version: expected a version written YYYY-MM (such as 2023-03), found "2023-3"',
    );
    expect(release(dir, '--version', '2023-13', '--note', 'x').status).toBe(1);
    const d = release(dir, '--version', '2023-03', '--note', 'x', '--date', '2023-02-30');
    expect(d.stderr).toContain('--date: expected a date written YYYY-MM-DD');
    expect(command(dir, '--version', '2023-03').status).toBe(2);
    expect(existsSync(dir)).toBe(false);
  });

  test("refuses a version that is not the year and month of the release's date, given or today's", () => {
    const dir = join(work, 'mismatch');
    const r = release(dir, '--version', '2025-06', '--note', 'x', '--date', '2026-12-01');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `release: --version: expected the year and month of the release's date 2026-12-01, that is 2026-12, found "2025-06". A release's version is the year and month of its date: use --version 2026-12, or give --date the day in 2025-06 the release was made.`,
    );
    const today = release(dir, '--version', '2000-01', '--note', 'x');
    expect(today.status).toBe(1);
    expect(today.stderr).toContain('found "2000-01". A release\'s version is the year and month of its date');
    expect(existsSync(dir)).toBe(false);
  });

  test('refuses a date written another way than YYYY-MM-DD, with the ISO form probably meant', () => {
    const r = release(join(work, 'dmy'), '--version', '2026-12', '--note', 'x', '--date', '01/12/2026');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'release: --date: expected a date written YYYY-MM-DD, found "01/12/2026". If you meant 1 December 2026, write 2026-12-01.',
    );
  });

  test('refuses a release dated before the latest one, saying why, and records nothing', () => {
    const dir = join(work, 'backdated');
    expect(release(dir, '--version', '2025-06', '--note', 'June.', '--date', '2025-06-15').status).toBe(0);
    const r = release(dir, '--version', '2024-12', '--note', 'Backdated.', '--date', '2024-12-01');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'release: --date: expected a date on or after that of the latest release, 2025-06 (2025-06-15), found 2024-12-01. Releases are ordered by date and each is compared with the one before it, so a release cannot be dated before one already made.',
    );
    expect(readdirSync(dir)).toEqual(['2025-06']);
  });

  test('refuses results that were not computed from the current data', () => {
    const data = join(work, 'stale-data');
    cpSync(join(root, 'data'), data, { recursive: true });
    writeFileSync(join(data, 'outcomes.csv'), readFileSync(join(data, 'outcomes.csv'), 'utf8') + '\n');
    const r = inProcess((sink) =>
      main(
        [
          ...['--results', join(root, 'out'), '--data', data, '--releases', join(work, 'stale')],
          ...['--version', '2025-03', '--note', 'x', '--date', '2025-03-01'],
        ],
        sink,
      ),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`found that ${data}/outcomes.csv changed since. Run \`npm run results\``);
    expect(existsSync(join(work, 'stale'))).toBe(false);
  });

  test('the demonstration releases are regenerated byte for byte from the seeded generator', () => {
    const dir = join(work, 'demo');
    const r = runScript('demo-releases.ts', ['--releases', dir]);
    expect(r.status, r.stderr).toBe(0);
    // context.json is not archived with a release, but the archived manifest records its hash, and
    // release.json the manifest's. Since context.json rows gained comparedWithEngland (the England
    // benchmark), today's code writes a different context.json from the same inputs, so those two
    // hashes, and only they, are set aside; every archived file is otherwise compared byte for byte.
    const comparable = (files: Record<string, string>) => {
      const manifest = JSON.parse(files['manifest.json']!);
      for (const output of manifest.outputs) if (output.name === 'context.json') delete output.sha256;
      const record = JSON.parse(files['release.json']!);
      for (const file of record.files) if (file.name === 'manifest.json') delete file.sha256;
      return { ...files, 'manifest.json': manifest, 'release.json': record };
    };
    for (const version of ['2023-03', '2024-10']) {
      const made = folder(join(dir, version));
      const archived = folder(join(root, 'data/releases', version));
      expect(Object.keys(made)).toEqual(Object.keys(archived));
      expect(comparable(made)).toEqual(comparable(archived));
    }
    const records = ['2023-03', '2024-10'].map((v) =>
      releaseRecordSchema.parse(JSON.parse(readFileSync(join(dir, v, 'release.json'), 'utf8'))),
    );
    expect(records.map((x) => [x.trialFollowUpMonths, x.synthetic])).toEqual([
      [23, true],
      [35, true],
    ]);
    for (const x of records) expect(x.note).toMatch(/^Synthetic demonstration data, not real school records/);
  });
});
