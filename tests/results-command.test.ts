import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, nodeEffects, type ResultsEffects } from '../scripts/results.ts';
import { readDataFolder } from '../scripts/lib/readDataFolder.ts';
import { writePartialFolder } from '../scripts/lib/writeFolderAtomically.ts';

const root = join(import.meta.dirname, '..');
let work: string;

/** The real pipeline in-process with an in-memory sink: what it would write, and what it logged. */
function resultsInMemory(argv: string[]) {
  const written = new Map<string, ReadonlyMap<string, string>>();
  const log: string[] = [];
  const code = main(argv, {
    ...nodeEffects, // the data are read from the folder
    log: (l) => log.push(l),
    error: (l) => log.push(l),
    writeFolder: (outDir, files) => written.set(outDir, files),
  });
  return { code, written, log };
}

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

  test('the pipeline run in-process against an in-memory sink writes exactly what the command writes', () => {
    const memory = resultsInMemory(['--data', join(work, 'data'), '--out', 'in-memory', '--force']);
    expect(memory.code, memory.log.join('\n')).toBe(0);
    expect(Object.fromEntries(memory.written.get('in-memory') ?? [])).toEqual(
      snapshotFolder(join(work, 'out-a')),
    );
    expect(existsSync('in-memory')).toBe(false);
  });

  test('with every effect in memory, data held in memory give the same files and touch no file', () => {
    const data = readDataFolder(join(work, 'data'));
    const written = new Map<string, ReadonlyMap<string, string>>();
    const code = main(['--data', 'memory-data', '--out', 'memory-out'], {
      readData: (dir) => (dir === 'memory-data' ? data : readDataFolder(dir)),
      previousOutput: () => ({ reusable: false, why: 'no previous output' }),
      log: () => {},
      error: () => {},
      writeFolder: (outDir, files) => written.set(outDir, files),
    });
    expect(code).toBe(0);
    const files = Object.fromEntries(written.get('memory-out') ?? []);
    const onDisk = snapshotFolder(join(work, 'out-a'));
    // The manifest names the data folder's files by path relative to it: the same.
    expect(files).toEqual(onDisk);
    expect(existsSync('memory-data') || existsSync('memory-out')).toBe(false);
  });

  test('collects the garbage once the data folder is read, before anything else', () => {
    const events: string[] = [];
    const code = main(['--data', join(work, 'data'), '--out', 'memory-out'], {
      readData: (dir) => (events.push('read'), readDataFolder(dir, { sha256: true })),
      previousOutput: () => (events.push('previous'), { reusable: false, why: 'no previous output' }),
      collectGarbage: () => events.push('collect'),
      log: () => {},
      error: () => {},
      writeFolder: () => events.push('write'),
    });
    expect(code).toBe(0);
    expect(events.slice(0, 3)).toEqual(['read', 'collect', 'previous']);
    expect(events.at(-1)).toBe('write');
  });

  test('a run killed between its two renames is put right by the next run', () => {
    cpSync(join(work, 'out-a'), join(work, 'out-c.previous'), { recursive: true });
    const before = snapshotFolder(join(work, 'out-c.previous'));
    const memory = resultsInMemory(['--data', join(work, 'data'), '--out', join(work, 'out-c')]);
    expect(memory.code).toBe(0);
    // The old output was put back, found current and reused: nothing needed writing.
    expect(memory.log.join('\n')).toContain('reusing');
    expect(memory.written.size).toBe(0);
    expect(snapshotFolder(join(work, 'out-c'))).toEqual(before);
    expect(existsSync(join(work, 'out-c.previous'))).toBe(false);
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
    // The real pipeline in-process, with an effect that stops where a killed run would: the new
    // files written beside out-a, nothing renamed. --force: the inputs are unchanged, so without
    // it the run would reuse out-a and never write.
    const killed = new Error('killed before publishing');
    const stopBeforeRename: ResultsEffects = {
      ...nodeEffects,
      log: () => {},
      error: () => {},
      writeFolder: (outDir, files) => {
        writePartialFolder(outDir, files);
        throw killed;
      },
    };
    expect(() =>
      main(['--data', join(work, 'data'), '--out', join(work, 'out-a'), '--force'], stopBeforeRename),
    ).toThrow(killed);
    expect(existsSync(join(work, 'out-a.partial'))).toBe(true);
    expect(snapshotFolder(join(work, 'out-a'))).toEqual(before);
    // The next run cleans up the partial folder and publishes normally.
    expect(results(join(work, 'data'), join(work, 'out-a')).status).toBe(0);
    expect(existsSync(join(work, 'out-a.partial'))).toBe(false);
  });
});
