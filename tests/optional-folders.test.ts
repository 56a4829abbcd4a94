import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HANG_GUARD_MS, root, runScript } from './helpers/runScript.ts';

// data/context/, trial/, pilot/ and published/ are optional in the contract: a site built without
// one leaves out what depends on it and says nothing about it. Two results runs and three builds
// (one fails early, at the content), into scratch folders; the repository's out/ and dist/ are
// untouched. First the repository's own site without context/.
const scratch = mkdtempSync(join(tmpdir(), 'swis-optional-'));
const data = join(scratch, 'data');
const results = join(scratch, 'out');
const dist = join(scratch, 'dist');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let build: ReturnType<typeof runScript>;
beforeAll(() => {
  cpSync(join(root, 'data'), data, { recursive: true });
  rmSync(join(data, 'context'), { recursive: true });
  const run = runScript('results.ts', ['--data', data, '--out', results]);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  build = runScript('build.ts', ['--outDir', dist], {
    env: { RESULTS_DIR: results, DATA_DIR: data },
  });
}, 2 * HANG_GUARD_MS);

const pages = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

test('a data folder without context/ builds, with no stack trace', () => {
  expect(build.status, build.stdout + build.stderr).toBe(0);
  expect(existsSync(join(results, 'context.json'))).toBe(false);
});

test('no page shows official authority figures or credits their sources when there are none', () => {
  for (const file of pages(dist)) {
    const text = readFileSync(file, 'utf8');
    expect(text, file).not.toMatch(
      /Official figures|per 10,000 children|Characteristics of children in need/,
    );
    expect(text, file).not.toContain('Authority statistics are derived');
  }
  expect(existsSync(join(dist, 'data', 'context.json'))).toBe(false);
  expect(html('data')).not.toContain('/data/context.json');
});

test('authority pages and the charts page keep what the evaluation data can show', () => {
  expect(html('authorities/lambeth')).toContain('Local estimates');
  const charts = html('charts');
  expect(charts).toContain('id="forest"');
  expect(charts).not.toContain('id="multiples"');
  // The maps have a page of their own (/charts/maps/), linked from the charts page.
  expect(charts).toContain('/charts/maps/#programme-map');
  const maps = html('charts/maps');
  expect(maps).toContain('id="programme-map"');
  expect(maps).not.toContain('id="multiples"');
});

// A pilot-only site: no trial/, no published/, no context/ and no releases, with content of its
// own (site settings and one finding, no home page text), as a research team starting out has.
const pilotOnly = join(scratch, 'pilot-only');
const pilotDist = join(pilotOnly, 'dist');
const SITE_YAML = `title: Pilot findings
description: What a three-authority pilot found, with the data.
publisher: the pilot's evaluation team
programme: the programme
evaluation: the pilot evaluation
citation:
  authors:
    - Pilot findings editors
  title: Pilot findings
  licence: MIT
`;
const PILOT_FINDING = `---
title: What the pilot suggested
summary: Pilot schools compared with matched schools, before and after.
study: pilot
updated: 2025-06-01
---

## The result

<PilotForest outcome="s47" />
`;
let pilotBuild: ReturnType<typeof runScript>;
let wrongStudy: ReturnType<typeof runScript>;
beforeAll(() => {
  const d = join(pilotOnly, 'data');
  cpSync(join(root, 'data'), d, { recursive: true });
  for (const folder of ['trial', 'published', 'context', 'releases'])
    rmSync(join(d, folder), { recursive: true });
  // Attendance and attainment were measured in the trial only, so they go with it.
  const outcomes = readFileSync(join(d, 'outcomes.csv'), 'utf8').split('\n');
  writeFileSync(join(d, 'outcomes.csv'), outcomes.filter((l) => !/,(sessions|score)$/.test(l)).join('\n'));
  const out = join(pilotOnly, 'out');
  const run = runScript('results.ts', ['--data', d, '--out', out]);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const content = (name: string, findings: Record<string, string>) => {
    const dir = join(pilotOnly, name);
    mkdirSync(join(dir, 'findings'), { recursive: true });
    writeFileSync(join(dir, 'site.yaml'), SITE_YAML);
    for (const [file, text] of Object.entries(findings)) writeFileSync(join(dir, 'findings', file), text);
    return dir;
  };
  const env = (dir: string) => ({
    RESULTS_DIR: out,
    DATA_DIR: d,
    RELEASES_DIR: join(d, 'releases'),
    CONTENT_DIR: dir,
  });
  pilotBuild = runScript('build.ts', ['--outDir', pilotDist], {
    env: env(content('content', { 'pilot.mdx': PILOT_FINDING })),
  });
  // The same content with a finding of the trial, which this data folder does not have.
  const wrong = content('content-wrong', {
    'pilot.mdx': PILOT_FINDING,
    'trial.mdx': PILOT_FINDING.replace('study: pilot', 'study: trial'),
  });
  wrongStudy = runScript('build.ts', ['--outDir', join(pilotOnly, 'dist-wrong')], { env: env(wrong) });
}, 3 * HANG_GUARD_MS);

const pilotHtml = (path: string) => readFileSync(join(pilotDist, path, 'index.html'), 'utf8');
const allFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));

test('a data folder with the pilot alone builds, and its home page introduces the site and lists its finding', () => {
  expect(pilotBuild.status, pilotBuild.stdout + pilotBuild.stderr).toBe(0);
  const home = pilotHtml('');
  expect(home).toContain('<h1>Pilot findings</h1>');
  expect(home).toContain('What a three-authority pilot found, with the data.');
  expect(home).toMatch(/<a href="\/findings\/pilot\/">What the pilot suggested<\/a>: Pilot schools compared/);
  expect(pilotHtml('findings/pilot')).toContain('id="pilot-forest');
});

test('with no trial, no page, search entry or download mentions it', () => {
  const offenders = allFiles(pilotDist)
    // The glossary defines randomised trials as a method, whatever the studies.
    .filter((f) => !f.endsWith(join('glossary', 'index.html')) && !f.endsWith('search-index.json'))
    .filter((f) => /\.(html|json|csv|xml|txt)$/.test(f))
    // dataset.json keeps the contract's key for each study, null for one that is absent.
    .filter((f) => /\btrial\b/i.test(readFileSync(f, 'utf8').replace(/"trial":\s*null/g, '')));
  expect(offenders).toEqual([]);
  const index = JSON.parse(readFileSync(join(pilotDist, 'search-index.json'), 'utf8')) as unknown;
  const entries = JSON.stringify(index).match(/\/[a-z0-9/-]*\//g) ?? [];
  expect(entries.filter((u) => u.includes('trial'))).toEqual([]);
  expect(existsSync(join(pilotDist, 'findings', 'trial'))).toBe(false);
});

test('with no published/, no page speaks of published results and no empty download is offered', () => {
  for (const file of allFiles(pilotDist).filter((f) => f.endsWith('.html')))
    expect(readFileSync(file, 'utf8'), file).not.toMatch(/Published results|published results/);
  for (const name of ['comparisons', 'facts'])
    expect(existsSync(join(pilotDist, 'data', `${name}.json`)), name).toBe(false);
  expect(pilotHtml('data')).not.toContain('/data/facts.json');
});

test('a finding naming a study the data folder lacks stops the build at its file and line, saying what to do', () => {
  expect(wrongStudy.status).not.toBe(0);
  expect(wrongStudy.stdout + wrongStudy.stderr).toMatch(
    /content-wrong\/findings\/trial\.mdx:4:8: frontmatter field "study": expected a study with data in the data folder \(pilot\), found "trial"\. This data folder has no trial\/, so there are no trial results to show: add the data \(see data\/README\.md\), or remove this finding\./,
  );
  expect(existsSync(join(pilotOnly, 'dist-wrong'))).toBe(false);
});
