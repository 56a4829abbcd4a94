import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RESULTS_SCHEMAS, type Estimate } from '../src/lib/contracts/resultsSchemas.ts';
import { buildEnv, root } from './helpers/runScript.ts';

// A generator, not one site (issue 15): a second evaluation published with data and words alone.
// tests/fixtures/second-study/ holds a small synthetic trial of another programme (supervision of
// schools' designated safeguarding leads in 10 Greater Manchester authorities; trial only; its own
// outcomes, periods and site title) made by scripts/reference/make-second-study-data.R, and the
// estimates R computes from it (scripts/reference/fit-trial-folder.R). As a research team starting
// a new site would, the test takes a copy of the project, replaces the study data in data/ (keeping
// data/geo/ and the list of authorities) and the whole of content/ with the fixture's, changes no
// other file, and runs `npm run results` there. (The site build of it follows once the home and
// schools pages are content: issue 15.)
const fixture = join(root, 'tests', 'fixtures', 'second-study');
const scratch = mkdtempSync(join(tmpdir(), 'second-study-'));
const project = join(scratch, 'project');

/** Runs one of the copied project's scripts there, as `npm run` would. */
const run = (script: string) =>
  spawnSync(process.execPath, ['--experimental-strip-types', join(project, 'scripts', script)], {
    cwd: project,
    encoding: 'utf8',
    env: { ...buildEnv(), NODE_NO_WARNINGS: '1', NO_COLOR: '1' },
  });

let results: ReturnType<typeof run>;
beforeAll(() => {
  // Everything but the study's data and words, as they are in the repository. Astro resolves a
  // symlinked src/ to the repository's own path and then fails, so code is copied; node_modules is
  // shared (read only).
  for (const f of [
    'src',
    'scripts',
    'public',
    'astro.config.mjs',
    'package.json',
    'tsconfig.json',
    'CITATION.cff',
  ])
    if (existsSync(join(root, f))) cpSync(join(root, f), join(project, f), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
  cpSync(join(fixture, 'data'), join(project, 'data'), { recursive: true });
  cpSync(join(root, 'data', 'geo'), join(project, 'data', 'geo'), { recursive: true });
  cpSync(join(root, 'data', 'authorities.csv'), join(project, 'data', 'authorities.csv'));
  cpSync(join(fixture, 'content'), join(project, 'content'), { recursive: true });
  results = run('results.ts');
}, 600_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  // The content store astro.config.mjs keeps for this content folder, in the shared node_modules.
  const hash = createHash('sha256').update(join(project, 'content')).digest('hex').slice(0, 16);
  rmSync(join(root, 'node_modules', '.astro-content', hash), { recursive: true, force: true });
});

describe('a second evaluation, trial only, computed from its own data', () => {
  const expected = JSON.parse(readFileSync(join(fixture, 'expected-estimates.json'), 'utf8')) as {
    estimates: Estimate[];
    notEstimable: string[];
  };
  const key = (e: Pick<Estimate, 'study' | 'outcome' | 'scope' | 'analysis'>) =>
    `${e.study} ${e.outcome} ${e.scope} ${e.analysis}`;
  const computed = () =>
    RESULTS_SCHEMAS['estimates.json'].parse(
      JSON.parse(readFileSync(join(project, 'out', 'estimates.json'), 'utf8')),
    );

  test('npm run results succeeds on data with no pilot/, published/ or context/', () => {
    expect(results.status, results.stdout + results.stderr).toBe(0);
    for (const absent of ['comparisons.json', 'facts.json', 'context.json'])
      if (existsSync(join(project, 'out', absent)))
        expect(JSON.parse(readFileSync(join(project, 'out', absent), 'utf8')), absent).toEqual([]);
  });

  test('estimates the models R estimates, and no others', () => {
    expect(computed().map(key).sort()).toEqual(expected.estimates.map(key).sort());
  });

  test.each(expected.estimates.map((e) => [key(e), e] as const))(
    '%s equals R (1e-6 overall, 1e-4 per authority)',
    (_, want) => {
      const got = computed().find((e) => key(e) === key(want))!;
      const tolerance = want.scope === 'overall' ? 1e-6 : 1e-4;
      expect([got.effect, got.model, got.schools]).toEqual([want.effect, want.model, want.schools]);
      // Ratios relative to their size; differences in points, absolute (they sit near 0).
      const difference = (a: number, b: number) =>
        want.effect === 'rate_ratio' ? Math.abs(a - b) / Math.abs(b) : Math.abs(a - b);
      for (const k of ['estimate', 'ciLow', 'ciHigh'] as const)
        expect(difference(got[k], want[k]), k).toBeLessThan(tolerance);
      expect(Math.abs(got.pValue - want.pValue) / want.pValue).toBeLessThan(tolerance);
      if (want.theta !== undefined) expect(Math.abs(got.theta! - want.theta) / want.theta).toBeLessThan(1e-5);
    },
  );
});
