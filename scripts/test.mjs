// Runs every test with Vitest and prints a closing `N passed, N failed` line that CI reads.
// Vitest's own summary is meant for people; its JSON report is the reliable source of counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Build first: the site tests look at the real dist/ made from the data in the repository. It is
// built twice from clean and compared byte for byte (scripts/reproducible-build.mjs, exit 3 when
// the builds differ); that comparison counts as one test in the closing line.
const build = spawnSync(process.execPath, ['scripts/reproducible-build.mjs'], { stdio: 'inherit' });
const reproducible = build.status === 0;
if (build.status !== 0 && build.status !== 3) {
  console.error('test: npm run build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// Static checks count as one test each, so a lint or type error fails the run visibly.
const staticChecks = [
  ['eslint', ['.']],
  ['prettier', ['--check', '--log-level', 'warn', '.']],
  ['tsc', ['--noEmit']],
].map(([cmd, args]) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) console.error(`test: ${cmd} failed`);
  return r.status === 0;
});

const dir = mkdtempSync(join(tmpdir(), 'swis-vitest-'));
const report = join(dir, 'report.json');
const run = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', shell: false },
);
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
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0 && failed === 0) failed = 1;
staticChecks.push(reproducible);
passed += staticChecks.filter(Boolean).length;
failed += staticChecks.filter((ok) => !ok).length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
