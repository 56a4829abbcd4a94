import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
let work: string;

function results(dataDir: string, outDir: string, env: Record<string, string> = {}, extra: string[] = []) {
  return spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      join(root, 'scripts/results.ts'),
      '--data',
      dataDir,
      '--out',
      outDir,
      ...extra,
    ],
    {
      encoding: 'utf8',
      env: { ...process.env, ...env, NODE_NO_WARNINGS: '1' },
    },
  );
}

function snapshotFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) out[name] = readFileSync(join(dir, name), 'utf8');
  return out;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'swis-results-'));
  cpSync(join(root, 'data'), join(work, 'data'), { recursive: true });
});
afterAll(() => {
  // Left for inspection on failure; the OS cleans tmp.
});

describe('npm run results', () => {
  test('two runs on the same data write byte-identical files, one log line per output', () => {
    const a = results(join(work, 'data'), join(work, 'out-a'));
    const b = results(join(work, 'data'), join(work, 'out-b'));
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const filesA = snapshotFolder(join(work, 'out-a'));
    expect(Object.keys(filesA)).toEqual([
      'changes.json',
      'comparisons.json',
      'context-shares.json',
      'context.json',
      'dataset.json',
      'estimates.json',
      'facts.json',
      'manifest.json',
      'notes.json',
      'rates.json',
      'summaries.json',
    ]);
    expect(filesA).toEqual(snapshotFolder(join(work, 'out-b')));
    for (const name of Object.keys(filesA))
      expect(a.stdout).toMatch(new RegExp(`results: ${name.replace('.', '\\.')} +\\d+ rows \\d+\\.\\d\\d s`));
  });

  test('the manifest names every input with its SHA-256 and row count', () => {
    const manifest = JSON.parse(readFileSync(join(work, 'out-a/manifest.json'), 'utf8'));
    const schools = manifest.inputs.find((i: { path: string }) => i.path === 'trial/schools.csv');
    expect(schools.rows).toBe(268);
    expect(schools.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.inputs.map((i: { path: string }) => i.path)).toContain('context/la-statistics.csv');
  });

  test('the computed primary estimate lies inside the published interval and the run prints it', () => {
    const comparisons = JSON.parse(readFileSync(join(work, 'out-a/comparisons.json'), 'utf8'));
    const primary = comparisons.find(
      (c: { outcome: string; analysis: string }) => c.outcome === 's47' && c.analysis === 'adjusted',
    );
    expect(primary.published).toMatchObject({ estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 });
    expect(primary.computedInsidePublishedInterval).toBe(true);
  });

  test('school ids never appear in any output', () => {
    const ids = readFileSync(join(work, 'data/trial/schools.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0])
      .filter(Boolean);
    const all = Object.values(snapshotFolder(join(work, 'out-a'))).join('\n');
    for (const id of ids) expect(all.includes(`"${id}"`)).toBe(false);
  });

  test('invalid data prints every problem as FILE:LINE with no stack trace and leaves the output untouched', () => {
    const bad = join(work, 'bad');
    cpSync(join(work, 'data'), bad, { recursive: true });
    const schools = readFileSync(join(bad, 'trial/schools.csv'), 'utf8').split('\n');
    const header = schools[0]!.split(',');
    const pupils = header.indexOf('pupils');
    const row = schools[3]!.split(',');
    row[pupils] = '-3';
    schools[3] = row.join(',');
    writeFileSync(join(bad, 'trial/schools.csv'), schools.join('\n'));
    writeFileSync(
      join(bad, 'outcomes.csv'),
      readFileSync(join(bad, 'outcomes.csv'), 'utf8').replace('lower_is_better', 'lower-is-better'),
    );
    const before = snapshotFolder(join(work, 'out-a'));
    const run = results(bad, join(work, 'out-a'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${bad}/trial/schools.csv:4: column "pupils"`);
    expect(run.stderr).toMatch(/outcomes\.csv:\d+: column "direction"/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotFolder(join(work, 'out-a'))).toEqual(before);
  });

  test('a run killed before publishing leaves the previous output intact', () => {
    const before = snapshotFolder(join(work, 'out-a'));
    // --force: the inputs are unchanged, so without it the run would reuse out-a and never write.
    const run = results(join(work, 'data'), join(work, 'out-a'), { SWIS_TEST_KILL_BEFORE_RENAME: '1' }, [
      '--force',
    ]);
    expect(run.signal).toBe('SIGKILL');
    expect(snapshotFolder(join(work, 'out-a'))).toEqual(before);
    // The next run cleans up the partial folder and publishes normally.
    expect(results(join(work, 'data'), join(work, 'out-a')).status).toBe(0);
    expect(existsSync(join(work, 'out-a.partial'))).toBe(false);
  });
});
