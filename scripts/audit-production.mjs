// `npm audit --omit=dev`, for CI (.ci/run): fails on any high or critical advisory in the
// packages the site is built with, unless audit-exceptions.json explains it
// ({ "<package>": "why it does not affect this site" }). When the advisory service cannot be
// reached (some registry mirrors refuse it) it says so plainly and does not fail the run: that is
// a fact about the network, not about the dependencies, and the closing line of CI must not lie
// either way.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = { message: run.stderr.trim() || 'no JSON from npm audit' };
}
if (!report.metadata) {
  console.log(
    `audit: NOT RUN — the advisory service could not be reached: ${report.message ?? report.error?.summary}`,
  );
  process.exit(0);
}
const exceptionsFile = join(root, 'audit-exceptions.json');
const exceptions = existsSync(exceptionsFile) ? JSON.parse(readFileSync(exceptionsFile, 'utf8')) : {};
const serious = Object.values(report.vulnerabilities ?? {}).filter(
  (v) => v.severity === 'high' || v.severity === 'critical',
);
const unexplained = serious.filter((v) => !exceptions[v.name]);
const counts = report.metadata.vulnerabilities;
console.log(
  `audit: production dependencies: ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low` +
    (serious.length > unexplained.length
      ? ` (${serious.length - unexplained.length} high/critical explained in audit-exceptions.json)`
      : ''),
);
for (const v of unexplained)
  console.error(
    `audit: ${v.severity}: ${v.name} ${v.range} — explain it in audit-exceptions.json or upgrade`,
  );
process.exit(unexplained.length > 0 ? 1 : 0);
