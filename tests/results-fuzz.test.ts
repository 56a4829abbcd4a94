import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { applyMutation, mutations, type Mutation } from './fuzz/csvMutations.ts';
import { ResultsRunner, type RunOutcome } from './fuzz/resultsRunner.ts';
import { writeSmallDataset } from './fuzz/smallDataset.ts';

// Property: whatever is done to the CSV files, `npm run results` either succeeds and writes a
// complete output folder, or exits 1 printing only `FILE:LINE: …` (or `FILE: …` for a whole-file
// problem) lines and a summary, leaving the previous output byte for byte as it was. Never an
// exception, a hang or a half-written folder. The runs are bounded and seeded, so CI sees the same
// cases every time; explore more with e.g. FUZZ_RUNS=2000 FUZZ_SEED=7 npx vitest run results-fuzz.
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CHILD_RUNS = 5;
// A valid case takes about a second; far longer means a loop that does not end.
const CASE_TIMEOUT_MS = 30_000;

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'swis-fuzz-'));
const base = join(work, 'base');
const out = join(work, 'out');
const runner = new ResultsRunner();
let baseFiles: Map<string, Buffer>;
const tally = { succeeded: 0, rejected: 0 };

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
}

function writeCase(dir: string, files: Map<string, Buffer | null>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, bytes] of files) {
    if (bytes === null) continue;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  }
}

function mutate(ms: Mutation[]): Map<string, Buffer | null> {
  const files = new Map<string, Buffer | null>(baseFiles);
  for (const m of ms) applyMutation(files, m);
  return files;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The property's assertions for one run against `dataDir`, given the output before it. */
function check(outcome: RunOutcome, dataDir: string, before: Map<string, string>): void {
  if (outcome.kind === 'threw') throw new Error(`results threw:\n${outcome.error}`);
  if (outcome.kind === 'timed-out') throw new Error(`results did not finish within ${CASE_TIMEOUT_MS} ms`);
  expect(existsSync(`${out}.partial`), 'a partial output folder was left behind').toBe(false);
  expect(existsSync(`${out}.previous`), 'a previous output folder was left behind').toBe(false);
  if (outcome.code === 0) {
    tally.succeeded++;
    const files = snapshot(out);
    const manifest = JSON.parse(files.get('manifest.json') ?? 'null') as { outputs: { name: string }[] };
    expect([...files.keys()].sort()).toEqual(
      [...manifest.outputs.map((o) => o.name), 'manifest.json'].sort(),
    );
    for (const [name, text] of files) expect(() => JSON.parse(text), name).not.toThrow();
    return;
  }
  tally.rejected++;
  expect(outcome.code, outcome.stderr).toBe(1);
  const lines = outcome.stderr.split('\n');
  expect(lines.at(-1)).toMatch(/^results: \d+ problem\(s\) in .*; nothing was written to /);
  const located = new RegExp(`^${escape(dataDir)}/[a-z0-9/-]+\\.csv(:\\d+)?: \\S`);
  for (const line of lines.slice(0, -1)) expect(line, outcome.stderr.slice(0, 2000)).toMatch(located);
  expect(snapshot(out)).toEqual(before);
}

beforeAll(async () => {
  writeSmallDataset(join(root, 'data'), base);
  baseFiles = new Map(listFiles(base).map((p) => [p, readFileSync(join(base, p))]));
  const first = await runner.run(['--data', base, '--out', out], CASE_TIMEOUT_MS);
  expect(first).toMatchObject({ kind: 'exited', code: 0 });
});

afterAll(async () => {
  await runner.close();
  console.log(
    `fuzz: ${tally.succeeded + tally.rejected} cases of mutated CSVs (${tally.succeeded} accepted, ${tally.rejected} rejected with FILE:LINE messages), seed ${SEED}`,
  );
  rmSync(work, { recursive: true, force: true });
});

test(`mutated CSVs never crash, hang or half-write the results command (${RUNS} in-process cases)`, async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(mutations, async (ms) => {
      const dir = join(work, `case-${n++}`);
      writeCase(dir, mutate(ms));
      const before = snapshot(out);
      const outcome = await runner.run(['--data', dir, '--out', out], CASE_TIMEOUT_MS);
      check(outcome, dir, before);
      rmSync(dir, { recursive: true, force: true });
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}, 600_000);

test(`mutated CSVs give a clean exit from the real command as a child process (${CHILD_RUNS} cases)`, () => {
  const cases = fc.sample(mutations, { numRuns: CHILD_RUNS, seed: SEED + 1 });
  for (const [i, ms] of cases.entries()) {
    const dir = join(work, `child-${i}`);
    writeCase(dir, mutate(ms));
    const before = snapshot(out);
    const run = spawnSync(process.execPath, [join(root, 'scripts/results.ts'), '--data', dir, '--out', out], {
      encoding: 'utf8',
      timeout: CASE_TIMEOUT_MS,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });
    expect(run.signal, `case ${i} was killed (${JSON.stringify(ms).slice(0, 300)})`).toBeNull();
    expect(run.stderr).not.toMatch(/\n\s+at /);
    check(
      { kind: 'exited', code: run.status!, stdout: run.stdout, stderr: run.stderr.trimEnd() },
      dir,
      before,
    );
  }
}, 300_000);
