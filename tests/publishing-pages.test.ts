import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { expect, test } from 'vitest';
import { root } from './helpers/runScript.ts';

// scripts/test.mjs builds first: dist/ is the site built from data/ and data/releases/.
const page = (path: string) =>
  readFileSync(join(root, 'dist', path, 'index.html'), 'utf8').replace(/ data-astro-cid-\w+/g, '');
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
const section = (html: string, id: string) => {
  const m = new RegExp(`<section[^>]*aria-labelledby="${id}"[\\s\\S]*?</section>`).exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return m[0];
};

test('each findings page says in words what changed between the two latest releases', () => {
  const trial = text(section(page('findings/trial'), 'what-changed'));
  expect(trial).toContain('Between release 2023-03 (30 March 2023) and release 2024-10 (1 October 2024):');
  expect(trial).toContain('Follow-up extended from 23 to 35 months.');
  expect(trial).toContain(
    'The rate ratio for Section 47 enquiries moved from 1.07 (0.96 to 1.20) to 1.03 (0.91 to 1.16).',
  );
  expect(trial).toContain('These releases are of synthetic demonstration data, not real school records.');
  expect(trial).toContain('The figures on this page come from release 2024-10, the latest.');
  expect(text(section(page('findings/pilot'), 'what-changed'))).toContain(
    'The rate ratios for all outcomes did not change.',
  );
  // A finding that shows no study's results (a related programme, described in words) has no
  // release-to-release changes to report.
  expect(page('findings/dsl-supervision')).not.toContain('id="what-changed"');
});

test('each findings page has a citation dated by its release, and both licences', () => {
  const release = JSON.parse(readFileSync(join(root, 'data/releases/2024-10/release.json'), 'utf8'));
  expect(release.date).toBe('2024-10-01');
  // The page shows the latest release, and cites it at that version's permanent address.
  const html = section(page('findings/trial'), 'cite-this-page');
  expect(text(html)).toContain(
    'SWIS findings editors (2024). What the trial found. SWIS findings: Social Workers in Schools evaluation results, release 2024-10, 1 October 2024. https://swis-findings.example.org/findings/trial/2024-10/',
  );
  // An earlier version cites its own release, year and date.
  expect(text(section(page('findings/trial/2023-03'), 'cite-this-page'))).toContain(
    'SWIS findings editors (2023). What the trial found. SWIS findings: Social Workers in Schools evaluation results, release 2023-03, 30 March 2023. https://swis-findings.example.org/findings/trial/2023-03/',
  );
  expect(html).toContain('<cite>What the trial found</cite>');
  expect(html).toContain('href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"');
  expect(text(html)).toContain("released under the project's own MIT licence");
});

test('the releases page lists every release, newest first, with its note and permalinks to its files', () => {
  const html = page('releases');
  const headings = [...html.matchAll(/<h2 id="release-([\d-]+)">/g)].map((m) => m[1]);
  expect(headings).toEqual(['2024-10', '2023-03']);
  expect(text(html)).toContain('Released 1 October 2024; trial follow-up of 35 months.');
  expect(text(html)).toContain(
    'trial social care, attendance and attainment outcomes extended to the 35-month follow-up (to July 2023).',
  );
  expect(html.match(/This release was computed from synthetic data/g)?.length).toBe(2);
  for (const v of ['2023-03', '2024-10'])
    for (const f of ['estimates.json', 'rates.json', 'manifest.json', 'release.json']) {
      expect(html).toContain(`href="/releases/${v}/${f}"`);
      expect(readFileSync(join(root, 'dist/releases', v, f), 'utf8')).toBe(
        readFileSync(join(root, 'data/releases', v, f), 'utf8'),
      );
    }
});

test('CITATION.cff is Citation File Format 1.2.0 with what the format requires', () => {
  const cff = yaml.load(readFileSync(join(root, 'CITATION.cff'), 'utf8')) as Record<string, unknown>;
  expect(cff['cff-version']).toBe('1.2.0');
  expect(typeof cff['message']).toBe('string');
  expect(typeof cff['title']).toBe('string');
  expect(cff['type']).toBe('software');
  expect(cff['authors']).toEqual([{ name: 'SWIS findings editors' }]);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  expect(cff['license']).toBe(pkg.license);
  const allowed = ['cff-version', 'message', 'title', 'authors', 'type', 'abstract', 'license', 'keywords'];
  for (const k of Object.keys(cff)) expect(allowed).toContain(k);
});
