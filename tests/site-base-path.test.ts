import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';
import { urlsInHtml } from './browser/localLinks.ts';
import { axeViolations } from './browser/pageChecks.ts';
import { draftContent } from './helpers/draftContent.ts';
import { HANG_GUARD_MS, runScript } from './helpers/runScript.ts';

// A site published under a path: SITE_URL=https://example.org/swis/ sets Astro's base, and the
// static server serves the build under /swis/ only, with nothing at /. One build, into a scratch
// folder, from the repository's results and a copy of content/ with an update that places charts
// with <Figure>; the repository's dist/ is untouched.
// The same build is the preview of drafts that tests/drafts.test.ts publishes without them: its
// content and releases have a draft update, an embargoed update, a draft page and a draft release
// (tests/helpers/draftContent.ts), and it is asked for drafts (SHOW_DRAFTS=1), so every entry is
// built, labelled; the last tests here check the labels. One build instead of two: this one draws
// every figure's PNG anew whatever it shows (each image prints its page's address).
const BASE = '/swis/';
const SITE = `https://example.org${BASE}`;
const scratch = mkdtempSync(join(tmpdir(), 'swis-base-path-'));
const dist = join(scratch, 'dist');
const UPDATE = 'figures-in-an-update';

let build: ReturnType<typeof runScript>;
beforeAll(() => {
  const { content, releases } = draftContent(scratch);
  writeFileSync(
    join(content, 'updates', `${UPDATE}.mdx`),
    [
      '---',
      'title: Charts in an update',
      'date: 2024-10-02',
      'summary: The trial forest plot, one authority against England, and the pilot forest plot, placed with Figure.',
      'authors: [Editors]',
      '---',
      '',
      'Every outcome of the trial, then one authority, then the pilot. See the [methodology](/methodology/).',
      '',
      '<Figure chart="trial-forest" />',
      '',
      '<Figure chart="authority-trend" authority="E09000022" measure="referrals" heading="Referrals: one authority" />',
      '',
      '<Figure chart="pilot-forest" outcome="s47" level="3" />',
      '',
    ].join('\n'),
  );
  build = runScript('build.ts', ['--outDir', dist], {
    env: { SITE_URL: SITE, CONTENT_DIR: content, RELEASES_DIR: releases, SHOW_DRAFTS: '1' },
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  // One script run, so one hang guard (HANG_GUARD_MS says why a hook's timeout is no guard).
  // This build draws every figure's PNG anew (each image prints its page's address, which the
  // base path changes), which took over 10 minutes on two cores at load 15.
}, HANG_GUARD_MS);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
// Served under the base, from the build above (this file's hooks run in order).
const site = useBuiltSite(dist, { base: BASE });

/** A URL on the published site (https://example.org/swis/…) as the test server serves it. */
const served = (url: string) =>
  url.startsWith(SITE) ? `${site.origin}${BASE}${url.slice(SITE.length)}` : url;

interface Crawl {
  /** Every page reached, by its address on the server, with its HTML. */
  pages: Map<string, string>;
  /** Every reference that does not resolve, or leaves the base path: "from → url: problem". */
  broken: string[];
}

let crawled: Crawl | undefined;
/**
 * Follows every link, stylesheet, script, icon, download and form from the home page and the
 * 404 page, over HTTP, as a reader's browser would resolve them; each must stay under /swis/ and
 * answer 200, and a #fragment must name an id on its page.
 */
async function crawl(): Promise<Crawl> {
  if (crawled) return crawled;
  const pages = new Map<string, string>();
  const broken: string[] = [];
  const status = new Map<string, number>();
  const queue: { url: string; from: string }[] = [
    { url: `${site.origin}${BASE}`, from: '(start)' },
    { url: `${site.origin}${BASE}no-such-page/`, from: '(start)' },
  ];
  const fragments: { page: string; id: string; from: string }[] = [];
  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    if (status.has(url)) continue;
    const response = await fetch(url);
    status.set(url, response.status);
    const expected = url.endsWith('/no-such-page/') ? 404 : 200;
    if (response.status !== expected) broken.push(`${from} → ${url}: status ${response.status}`);
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    const html = await response.text();
    pages.set(url, html);
    for (const ref of urlsInHtml(html)) {
      if (/^(data|mailto):/.test(ref)) continue;
      const target = new URL(served(ref), url);
      if (target.origin !== site.origin) continue;
      if (!target.pathname.startsWith(BASE)) {
        broken.push(`${url} → ${ref}: outside ${BASE}`);
        continue;
      }
      if (target.hash)
        fragments.push({ page: `${target.origin}${target.pathname}`, id: target.hash.slice(1), from: url });
      target.hash = '';
      target.search = '';
      queue.push({ url: target.href, from: url });
    }
  }
  for (const f of fragments) {
    const html = pages.get(f.page);
    if (html && !new RegExp(`\\s(?:id|name)="${decodeURIComponent(f.id)}"`).test(html))
      broken.push(`${f.from} → ${f.page}#${f.id}: no such id`);
  }
  return (crawled = { pages, broken });
}

describe('a site built with SITE_URL=https://example.org/swis/ and served under /swis/', () => {
  test('is served under /swis/ and nothing at /', async () => {
    expect((await fetch(`${site.origin}/`)).status).toBe(404);
    expect((await fetch(`${site.origin}/findings/trial/`)).status).toBe(404);
    expect((await fetch(`${site.origin}${BASE}`)).status).toBe(200);
  });

  test('every link and asset on every page resolves under /swis/', async () => {
    const { pages, broken } = await crawl();
    // Every page the build wrote is reached from the home page (the search index lists them).
    const index = (await (await fetch(`${site.origin}${BASE}search-index.json`)).json()) as {
      documentCount: number;
    };
    expect(pages.size).toBeGreaterThanOrEqual(index.documentCount);
    expect(broken).toEqual([]);
  });

  test('every canonical and Open Graph address, the sitemap, the RSS feed and robots.txt name addresses under https://example.org/swis/', async () => {
    const { pages } = await crawl();
    for (const [url, html] of pages) {
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      const ogUrl = /<meta property="og:url" content="([^"]+)"/.exec(html)?.[1];
      expect(ogUrl, url).toBe(canonical);
      if (url.endsWith('/no-such-page/')) expect(canonical).toBeUndefined();
      else expect(canonical, url).toBe(`${SITE}${new URL(url).pathname.slice(BASE.length)}`);
    }
    const robots = await (await fetch(`${site.origin}${BASE}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
    const locs = async (url: string) =>
      [...(await (await fetch(served(url))).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const sitemapPages = (await Promise.all((await locs(`${SITE}sitemap-index.xml`)).map(locs))).flat();
    expect(sitemapPages.length).toBeGreaterThan(100);
    const rss = await (await fetch(`${site.origin}${BASE}rss.xml`)).text();
    const rssLinks = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
    expect(rssLinks).toContain(`${SITE}updates/${UPDATE}/`);
    for (const url of [...sitemapPages, ...rssLinks]) {
      expect(url.startsWith(SITE), url).toBe(true);
      expect((await fetch(served(url).replace(/#.*$/, ''))).status, url).toBe(200);
    }
  });

  test('the search loads its index and links every result under /swis/', async () => {
    const { context, page, log } = await openPage(site.browser, site.origin);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${site.origin}${BASE}search/`);
    await page.getByLabel('Search every page of this site').fill('Section 47');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^\d+ results for “Section 47”$/);
    const paths = await page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths).toContain(`${BASE}findings/trial/`);
    for (const p of paths) {
      expect(p.startsWith(BASE), p).toBe(true);
      expect((await page.request.get(`${site.origin}${p}`)).status(), p).toBe(200);
    }
    // The form submits to the search page under the base too.
    await page.getByRole('button', { name: 'Search' }).click();
    expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
    expect(failed).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  test('the 404 page under /swis/ is styled and links into the site', async () => {
    const { context, page } = await openPage(site.browser, site.origin);
    const response = await page.goto(`${site.origin}${BASE}no-such-page/`);
    expect(response?.status()).toBe(404);
    // Its stylesheet, an asset under the base, loaded and applies.
    const rules = await page.evaluate(() => [...document.styleSheets].map((s) => s.cssRules.length));
    expect(rules.length).toBeGreaterThan(0);
    expect(Math.min(...rules)).toBeGreaterThan(0);
    const home = await page.getByRole('link', { name: 'Home page' }).getAttribute('href');
    expect(home).toBe(BASE);
    await context.close();
  });

  test('an update places charts with <Figure>: each with its title, description and data table, without JavaScript, and passes axe', async () => {
    const { context, page, log } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
    await page.goto(`${site.origin}${BASE}updates/${UPDATE}/`);
    const figures = await page.locator('figure.chart-figure').evaluateAll((fs) =>
      fs.map((f) => ({
        heading: f.querySelector('.figure-heading')?.tagName,
        title: f.querySelector('svg title')?.textContent ?? '',
        desc: f.querySelector('svg desc')?.textContent ?? '',
        table: f.querySelector('details table caption')?.textContent ?? '',
        download: f.querySelector('a[download]')?.getAttribute('href')?.slice(0, 22) ?? null,
      })),
    );
    expect(figures.map((f) => f.heading)).toEqual(['H2', 'H2', 'H3']);
    expect(await page.locator('.figure-heading').allTextContents()).toEqual([
      'Rate ratios for every outcome',
      'Referrals: one authority',
      expect.stringMatching(/in the pilot, before and after$/),
    ]);
    for (const f of figures) {
      expect(f.title.length).toBeGreaterThan(10);
      expect(f.desc.length).toBeGreaterThan(40);
      expect(f.table.length).toBeGreaterThan(10);
      expect(f.download).toBe('data:text/csv;charset=');
    }
    // The prose's link to /methodology/ is under the base as well.
    expect(await page.getByRole('link', { name: 'methodology', exact: true }).getAttribute('href')).toBe(
      `${BASE}methodology/`,
    );
    expect(log.errors).toEqual([]);
    await context.close();
    const withJs = await openPage(site.browser, site.origin);
    await withJs.page.goto(`${site.origin}${BASE}updates/${UPDATE}/`);
    expect((await axeViolations(withJs.page)).violations).toEqual([]);
    await withJs.context.close();
  });
});

// The drafts in this preview (tests/drafts.test.ts checks the published build of the same content).
describe('a build asked for drafts', () => {
  test('a build asked for drafts shows each one, labelled as not published', () => {
    const html = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
    expect(html('updates/2024-follow-up')).toContain('Draft, not published.');
    expect(html('accessibility')).toContain('Draft, not published.');
    expect(html('updates/2021-09-trial-extended')).toContain('Embargoed until 15 January 2027.');
    expect(html('updates')).toContain('Follow-up confirms the result');
    // Published entries carry no label.
    expect(html('updates/2023-03-results')).not.toContain('Draft, not published.');
    expect(html('updates/2023-03-results')).not.toContain('Embargoed until');
  });

  test('a build asked for drafts shows a draft release, labelled', () => {
    expect(existsSync(join(dist, 'releases', '2024-10', 'estimates.json'))).toBe(true);
    const releasesPage = readFileSync(join(dist, 'releases', 'index.html'), 'utf8');
    expect(releasesPage).toContain('Draft release, not published.');
    expect(readFileSync(join(dist, 'findings', 'trial', 'index.html'), 'utf8')).toContain(
      '(draft release, not published)',
    );
  });
});
