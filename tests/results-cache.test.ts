import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, nodeEffects } from '../scripts/results.ts';
import { inProcess } from './helpers/inProcess.ts';

const root = join(import.meta.dirname, '..');
let work: string;
let data: string;
let out: string;

/** `npm run results` as a reader runs it: its own process, its exit code and its two streams. */
function command(...extra: string[]) {
  return spawnSync(
    process.execPath,
    ['--experimental-strip-types', join(root, 'scripts/results.ts'), '--data', data, '--out', out, ...extra],
    { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
}
/**
 * The same command in this process (scripts/results.ts's main, reading and writing the real
 * folders), its lines collected as the command prints them. The first run and the reuse line run
 * `command()`, so the real process, exit code and streams stay covered.
 */
function results(...extra: string[]) {
  return inProcess((sink) => main(['--data', data, '--out', out, ...extra], { ...nodeEffects, ...sink }));
}

/** Each output file's bytes and modification time. */
function snapshot(): Record<string, { text: string; mtimeMs: number }> {
  const files: Record<string, { text: string; mtimeMs: number }> = {};
  for (const name of readdirSync(out).sort()) {
    files[name] = { text: readFileSync(join(out, name), 'utf8'), mtimeMs: statSync(join(out, name)).mtimeMs };
  }
  return files;
}
const texts = (s: ReturnType<typeof snapshot>) =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.text]));

const REUSED = /^results: inputs unchanged \(key [0-9a-f]{12}\), reusing .+ \(\d+ files\) in \d+\.\d\d s$/m;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'swis-cache-'));
  data = join(work, 'data');
  out = join(work, 'out');
  cpSync(join(root, 'data'), data, { recursive: true });
  const first = command();
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain('results: recomputing (no previous output)');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run results reuses its output when nothing changed', () => {
  test('the manifest records the cache key and every output with its SHA-256', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.cacheKey).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.outputs.map((o: { name: string }) => o.name)).toContain('estimates.json');
    for (const o of manifest.outputs) expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a second run with the same inputs says so in one line and leaves every file untouched', () => {
    const before = snapshot();
    const run = command();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(REUSED);
    expect(snapshot()).toEqual(before);
  });

  test('--force recomputes, and the recomputed files are byte-identical', () => {
    const before = texts(snapshot());
    const run = results('--force');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(REUSED);
    expect(run.stdout).toMatch(/results: wrote \d+ files/);
    expect(texts(snapshot())).toEqual(before);
  });

  test('a changed input recomputes, and changing it back reuses nothing stale', () => {
    const before = texts(snapshot());
    const file = join(data, 'trial/outcomes.csv');
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    // The count column, wherever the header puts it (outcome kinds add exposure and value after it).
    const count = lines[0]!.split(',').indexOf('count');
    const cells = lines[1]!.split(',');
    cells[count] = String(Number(cells[count]) + 5);
    lines[1] = cells.join(',');
    writeFileSync(file, lines.join('\n'));
    try {
      const run = results();
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('results: recomputing (inputs, options or code changed)');
      const after = texts(snapshot());
      expect(after['manifest.json']).not.toEqual(before['manifest.json']);
      expect(after['estimates.json']).not.toEqual(before['estimates.json']);
    } finally {
      writeFileSync(file, original);
    }
    const back = results();
    expect(back.stdout).toContain('results: recomputing (inputs, options or code changed)');
    expect(texts(snapshot())).toEqual(before);
  });

  test('another option (the disclosure threshold) recomputes', () => {
    const run = results('--threshold', '5');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('results: recomputing (inputs, options or code changed)');
    expect(JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')).disclosureThreshold).toBe(5);
    expect(results().stdout).toContain('recomputing');
  });

  test('a damaged, missing or extra output file recomputes and restores the output', () => {
    const before = texts(snapshot());
    writeFileSync(join(out, 'rates.json'), '[]\n');
    let run = results();
    expect(run.stdout).toContain('results: recomputing (rates.json is missing or changed)');
    expect(texts(snapshot())).toEqual(before);

    rmSync(join(out, 'notes.json'));
    run = results();
    expect(run.stdout).toContain('results: recomputing (notes.json is missing or changed)');
    expect(texts(snapshot())).toEqual(before);

    writeFileSync(join(out, 'stray.json'), '{}');
    run = results();
    expect(run.stdout).toContain('results: recomputing (unexpected file stray.json)');
    expect(texts(snapshot())).toEqual(before);

    writeFileSync(join(out, 'manifest.json'), '{ not json');
    run = results();
    expect(run.stdout).toContain('results: recomputing (the previous manifest is not valid JSON)');
    expect(texts(snapshot())).toEqual(before);
  });

  test('a missing output folder recomputes', () => {
    const before = texts(snapshot());
    rmSync(out, { recursive: true });
    const run = results();
    expect(run.stdout).toContain('results: recomputing (no previous output)');
    expect(texts(snapshot())).toEqual(before);
  });
});
