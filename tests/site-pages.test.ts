import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { lookupEstimate } from '../src/site/siteData.ts';
import { findingResultsDir } from './helpers/findingRelease.ts';

// scripts/test.mjs runs `npm run build` before the tests, so dist/ is the site built from data/.
const root = join(import.meta.dirname, '..');
const page = (path: string) =>
  readFileSync(join(root, 'dist', path, 'index.html'), 'utf8').replace(/ data-astro-cid-\w+/g, '');
const json = (name: string) => JSON.parse(readFileSync(join(root, 'out', name), 'utf8'));

test('every authority in dataset.json has its own page', () => {
  const { authorities } = json('dataset.json');
  const dirs = readdirSync(join(root, 'dist/authorities'), { withFileTypes: true }).filter((d) =>
    d.isDirectory(),
  );
  expect(dirs.length).toBe(authorities.length);
  for (const d of dirs) expect(existsSync(join(root, 'dist/authorities', d.name, 'index.html'))).toBe(true);
});

test('an authority page has a captioned table with scoped headers, right-aligned numbers and a chart', () => {
  const html = page('authorities/kingston-upon-hull-city-of');
  expect(html).toContain('<h1>Kingston upon Hull, City of</h1>');
  expect(html).toMatch(
    /<caption>Section 47 \(child protection\) enquiries per 10,000 children: Kingston upon Hull, City of and England, by year<\/caption>/,
  );
  expect(html).toContain('<th scope="col" class="num">England</th>');
  expect(html).toMatch(/<td class="num"[^>]*>[\d,]+\.\d<\/td>/);
  expect(html).toContain('<svg');
  expect(html).toContain('Trial (2020–22)');
  expect(html).toContain('Small numbers.');
});

test('an authority that did not take part says so and shows no local estimates', () => {
  const html = page('authorities/hartlepool');
  expect(html).toContain('Did not take part');
  expect(html).not.toContain('Local estimates');
});

test('the authorities index links every authority', () => {
  const { authorities } = json('dataset.json');
  const links =
    page('authorities').match(/<li data-key="[^"]+"[^>]*>\s*<a href="\/authorities\/[^"/]+\/">/g) ?? [];
  expect(links.length).toBe(authorities.length);
});

test('the trial page shows the published primary result with its source, beside the computed one', () => {
  const html = page('findings/trial');
  expect(html).toContain('<strong>1.055 (95% CI 0.955 to 1.166)</strong>');
  expect(html).toContain('href="https://orca.cardiff.ac.uk/177768"');
  const c = lookupEstimate(
    { study: 'trial', outcome: 's47', analysis: 'adjusted' },
    JSON.parse(readFileSync(join(findingResultsDir(root).dir, 'estimates.json'), 'utf8')),
  );
  expect(html).toContain(`${c.estimate.toFixed(3)} (95% CI ${c.ciLow.toFixed(3)} to ${c.ciHigh.toFixed(3)})`);
  expect(html).toContain('<caption>Trial estimates computed in this build');
});

test('the home page draws the published main result against no difference, with the same words as its opening', () => {
  const html = page('');
  const primary = json('comparisons.json').find(
    (c: { study: string; outcome: string; analysis: string; scope: string }) =>
      c.study === 'trial' && c.outcome === 's47' && c.analysis === 'adjusted' && c.scope === 'overall',
  ).published;
  const figure =
    /<figure class="chart-figure">[\s\S]*?<svg[^>]*id="result-trial-s47-adjusted"[\s\S]*?<\/figure>/.exec(
      html,
    )?.[0];
  expect(figure).toBeDefined();
  // The estimate and both ends of its interval are drawn and labelled, from the published figures.
  for (const v of [primary.estimate, primary.ciLow, primary.ciHigh])
    expect(figure).toContain(`>${v.toFixed(3)}</text>`);
  expect(figure).toContain('>Little or no difference</text>');
  // The caption's words are the opening's verdict, both worded from the same interval and band.
  const verdict = /<span class="verdict"[^>]*>([^<]*)<\/span>/.exec(html)![1]!;
  expect(verdict).toMatch(
    /^SWIS .* child protection enquiries \(95% confidence interval: from [\d.]+% fewer to [\d.]+% more\)$/,
  );
  expect(figure).toContain(`${verdict}.`);
  expect(figure).toContain(`href="${primary.sourceUrl}"`);
});

test('the pilot page explains promising but tentative', () => {
  expect(page('findings/pilot')).toContain('promising but tentative');
});

test('the for-schools page has the natural-frequency table without JavaScript', () => {
  const html = page('for-schools');
  expect(html).toContain('<caption>Section 47 enquiries a year for schools of different sizes');
  expect(html).toMatch(/<th scope="row" data-label="Pupils in school">1,000<\/th>/);
});

test('the other pages exist', () => {
  for (const p of ['methodology', 'glossary', 'accessibility', 'findings/dsl-supervision'])
    expect(page(p)).toContain('<h1>');
  expect(existsSync(join(root, 'dist/404.html'))).toBe(true);
});

test('an unknown <Estimate> key fails with a message naming the component and the key', () => {
  expect(() =>
    lookupEstimate({ study: 'trial', outcome: 'nope', analysis: 'adjusted' }, json('estimates.json')),
  ).toThrow(
    /<Estimate study="trial" outcome="nope" analysis="adjusted" scope="overall" \/>: no such estimate/,
  );
});

test('updates are listed, each has a page, and the RSS feed lists them', () => {
  const list = page('updates');
  const links = [...list.matchAll(/href="\/updates\/([^"/]+)\/"/g)].map((m) => m[1]);
  expect(links.length).toBeGreaterThanOrEqual(5);
  for (const l of links) expect(existsSync(join(root, 'dist/updates', l!, 'index.html'))).toBe(true);
  const rss = readFileSync(join(root, 'dist/rss.xml'), 'utf8');
  expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><rss version="2.0"/);
  expect(rss.match(/<item>/g)?.length).toBe(links.length);
});

test('every results file is downloadable as JSON, and tables also as CSV', () => {
  for (const name of ['estimates', 'comparisons', 'rates', 'changes', 'context', 'notes']) {
    expect(JSON.parse(readFileSync(join(root, 'dist/data', `${name}.json`), 'utf8'))).toEqual(
      json(`${name}.json`),
    );
    expect(readFileSync(join(root, 'dist/data', `${name}.csv`), 'utf8').split('\r\n').length).toBe(
      json(`${name}.json`).length + 2,
    );
  }
  expect(page('data')).toContain('SHA-256');
});

test('robots.txt and the sitemap exist', () => {
  expect(existsSync(join(root, 'dist/robots.txt'))).toBe(true);
  expect(readFileSync(join(root, 'dist/sitemap-0.xml'), 'utf8')).toContain('/authorities/lambeth/');
});

test('the authorities index shows the programme on a map with the boundary attribution, and the trends', () => {
  const html = page('authorities');
  expect(html).toContain(
    '<svg xmlns="http://www.w3.org/2000/svg" id="map-programme" class="chart" role="img"',
  );
  expect(html).toContain('Contains OS data © Crown copyright and database right 2023');
  expect(html).not.toMatch(/Source: [^<]*Source:/);
  expect(html).toContain('id="multiples-s47-enquiries"');
  expect(html).toContain('<title>Cumbria: Trial (2020–22) only</title>');
});

test('the trial page has the flow of schools, and for-schools the natural frequencies', () => {
  const trial = page('findings/trial');
  expect(trial).toContain('id="consort-trial"');
  expect(trial).toMatch(/Randomised: [\d,]+ schools in 21 local/);
  expect(page('for-schools')).toContain('id="frequencies-1000"');
});
