import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentStore } from '../src/integrations/contentStore.ts';
import { RESULTS_SCHEMAS, type Estimate } from '../src/lib/contracts/resultsSchemas.ts';
import { HANG_GUARD_MS, root, runScript } from './helpers/runScript.ts';

// A generator, not one site (issue 15): a second evaluation published with data and words alone.
// tests/fixtures/second-study/ holds a small synthetic trial of another programme (supervision of
// schools' designated safeguarding leads in 10 Greater Manchester authorities; trial only; its own
// outcomes, periods and site title) made by scripts/reference/make-second-study-data.R, and the
// estimates R computes from it (scripts/reference/fit-trial-folder.R). As a research team starting
// a new site would, the test takes a copy of the project, replaces the study data in data/ (keeping
// data/geo/ and the list of authorities) and the whole of content/ with the fixture's (a site.yaml
// and one finding, nothing else), puts its own contact in public/.well-known/security.txt, changes
// no other file, and runs the two commands a researcher runs: results, then the site build.
const fixture = join(root, 'tests', 'fixtures', 'second-study');
const scratch = mkdtempSync(join(tmpdir(), 'second-study-'));
const project = join(scratch, 'project');
const dist = join(project, 'dist');

/** Runs one of the copied project's scripts there, as `npm run` would (under runScript's hang guard). */
const run = (script: string) =>
  runScript(join(project, 'scripts', script), [], { cwd: project, env: { NO_COLOR: '1' } });

let results: ReturnType<typeof run>;
let build: ReturnType<typeof run>;
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
  // public/ is the team's too: its security.txt names its own contact.
  cpSync(join(fixture, 'public'), join(project, 'public'), { recursive: true });
  results = run('results.ts');
  if (results.status === 0) build = run('build.ts');
}, 2 * HANG_GUARD_MS);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  // The content store astro.config.mjs keeps for this content folder, in the shared node_modules.
  rmSync(join(root, 'node_modules', contentStore(project, join(project, 'content'))), {
    recursive: true,
    force: true,
  });
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

describe('its site, built from its data and content alone', () => {
  const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
  const files = () =>
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|json|csv|xml|txt)$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));

  test('builds', () => {
    expect(build?.status, (build?.stdout ?? '') + (build?.stderr ?? '')).toBe(0);
  });

  test('introduces itself from its site.yaml and lists its one finding', () => {
    const home = page('');
    expect(home).toContain('<title>DSL supervision findings</title>');
    expect(home).toContain('What a trial of social workers supervising schools');
    // Its data are synthetic, and it has no published results or official statistics to call real.
    expect(home).toContain('<strong>Demonstration data.</strong>');
    expect(home).not.toContain('are real and are labelled');
    expect(home).toContain('href="/findings/trial/"');
    const findings = readdirSync(join(dist, 'findings'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    );
    expect(findings.map((d) => d.name)).toEqual(['trial']);
  });

  test('its finding shows its own estimates, worded from the data', () => {
    const html = page('findings/trial');
    expect(html).toContain('What the supervision trial found');
    expect(html).toContain('Contacts with no further action');
    expect(html).toContain('DSL confidence score');
    // The adjusted rate ratio of contacts with no further action, as R computes it, to 3 places.
    expect(html).toContain('0.831 (95% CI 0.711 to 0.970)');
    expect(html).toMatch(/DSL supervision (may )?reduces? contacts with no further action/);
  });

  test('has a page for each of its authorities, and says which took part', () => {
    for (const slug of [
      'bolton',
      'bury',
      'manchester',
      'oldham',
      'rochdale',
      'salford',
      'stockport',
      'tameside',
      'trafford',
      'wigan',
    ])
      expect(page(`authorities/${slug}`), slug).toMatch(
        /one of the 10 authorities in the 2021–22 randomised\s+trial/,
      );
    expect(page('authorities/lambeth')).toContain('Did not take part');
  });

  test('has the generic pages, written for any study: methodology, glossary, downloads, search', () => {
    expect(page('methodology')).toContain('<h1>Methodology</h1>');
    expect(page('glossary')).toContain('<dt id="rate-ratio">');
    expect(page('data')).toContain('estimates.csv');
    const index = readFileSync(join(dist, 'search-index.json'), 'utf8');
    expect(index).toContain('What the supervision trial found');
    expect(existsSync(join(dist, 'findings', 'pilot'))).toBe(false);
    expect(existsSync(join(dist, 'for-schools'))).toBe(false);
  });

  test('no page, download or feed names the first study, its authorities or its published figures', () => {
    // The arm code `swis` in the downloads is the data contract's name for the intervention arm
    // (data-contract.md, trial/schools.csv), which other tools read; it is not words on a page.
    const swis =
      /\bSWIS\b|[Ss]ocial [Ww]orkers in [Ss]chools|social workers? (based )?in (secondary )?schools|\b[Pp]ilot\b|Section 47|swis-findings|(?<![\d.])(1\.055|0\.955|1\.166)(?![\d.])/;
    // In JSON, the values: its keys are the contract's ("pilot": null says the study is absent).
    const values = (v: unknown): string[] =>
      typeof v === 'string'
        ? [v]
        : typeof v === 'number'
          ? [String(v)]
          : v && typeof v === 'object'
            ? Object.values(v).flatMap(values)
            : [];
    const text = (f: string) => {
      const raw = readFileSync(f, 'utf8');
      return f.endsWith('.json') ? values(JSON.parse(raw)).join('\n') : raw;
    };
    const found = files().flatMap((f) => {
      const m = swis.exec(text(f));
      return m ? [`${relative(dist, f)}: "${m[0]}"`] : [];
    });
    expect(found).toEqual([]);
  });
});
