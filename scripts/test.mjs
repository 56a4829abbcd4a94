// Runs every test with Vitest and prints a closing `N passed, N failed` line that CI reads.
// Vitest's own summary is meant for people; its JSON report is the reliable source of counts.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Static checks count as one test each, so a lint or type error fails the run visibly. They run
// while the site builds and Vitest runs, their output kept to be shown after Vitest's. ESLint and
// Prettier read only the source, so they start at once; tsc reads the types the build writes to
// .astro/ (reproducible-build.mjs removes them between its two builds), so it starts after the
// build. (Test builds of the site run in project roots of their own, so none rewrites .astro/:
// tests/helpers/runScript.ts.)
const scratch = mkdtempSync(join(tmpdir(), 'swis-test-'));
const running = new Set();
const check = (cmd, args) => {
  const log = join(scratch, `${cmd}.log`);
  const out = openSync(log, 'w');
  const child = spawn(cmd, args, { stdio: ['ignore', out, out] });
  running.add(child);
  return new Promise((resolve) => {
    child.on('error', (e) => resolve({ cmd, log, ok: false, error: e.message }));
    child.on('close', (code) => {
      running.delete(child);
      resolve({ cmd, log, ok: code === 0 });
    });
  });
};
const sourceChecks = [check('eslint', ['.']), check('prettier', ['--check', '--log-level', 'warn', '.'])];

// Build: the site tests look at the real dist/ made from the data in the repository. It is built
// twice from clean and compared byte for byte (scripts/reproducible-build.mjs, exit 3 when the
// builds differ); that comparison counts as one test in the closing line.
const build = await new Promise((resolve) => {
  const child = spawn(process.execPath, ['scripts/reproducible-build.mjs'], { stdio: 'inherit' });
  child.on('error', () => resolve(1));
  child.on('close', (status) => resolve(status));
});
const reproducible = build === 0;
if (build !== 0 && build !== 3) {
  for (const child of running) child.kill();
  rmSync(scratch, { recursive: true, force: true });
  console.error('test: npm run build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const staticChecks = Promise.all([...sourceChecks, check('tsc', ['--noEmit'])]);

const report = join(scratch, 'report.json');
const vitest = spawn(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
const run = await new Promise((resolve) => {
  vitest.on('error', () => resolve({ status: 1 }));
  vitest.on('close', (status) => resolve({ status }));
});
const checks = [];
for (const { cmd, log, ok, error } of await staticChecks) {
  process.stdout.write(readFileSync(log, 'utf8'));
  if (!ok) console.error(`test: ${cmd} failed${error ? ` (${error})` : ''}`);
  checks.push(ok);
}
let passed = 0;
let failed;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  // A file that fails to load has no tests but is a failure too.
  failed =
    (json.numFailedTests ?? 0) +
    (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0)
      .length;
} else {
  failed = 1;
}
rmSync(scratch, { recursive: true, force: true });
if (run.status !== 0 && failed === 0) failed = 1;
checks.push(reproducible);
passed += checks.filter(Boolean).length;
failed += checks.filter((ok) => !ok).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
