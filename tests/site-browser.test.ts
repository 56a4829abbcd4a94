import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatNumber } from '../src/lib/format/formatNumber.ts';
import { launchBrowser } from './browser/browser.ts';
import { startStaticServer, type StaticServer } from './browser/staticServer.ts';

// The built site (scripts/test.mjs runs `npm run build` first) in real Chromium, served over HTTP
// as a static host would serve it.
const root = join(import.meta.dirname, '..');
const json = (name: string) => JSON.parse(readFileSync(join(root, 'out', name), 'utf8'));

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await startStaticServer(join(root, 'dist'));
  browser = (await launchBrowser()).browser;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('with JavaScript', () => {
  test('search finds the trial findings for "Section 47"', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/search/`);
    await expect.poll(() => page.locator('#search-fallback').isHidden()).toBe(true);
    await page.locator('.pagefind-ui__search-input').fill('Section 47');
    const links = page.locator('.pagefind-ui__result-link');
    await links.first().waitFor({ timeout: 15_000 });
    const paths = () =>
      links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    // Results arrive a page at a time; other pages may rank above the trial's as the site grows.
    const more = page.locator('.pagefind-ui__button', { hasText: 'Load more' });
    while (!(await paths()).includes('/findings/trial/') && (await more.count()) > 0) {
      const before = await links.count();
      await more.click();
      await expect.poll(() => links.count()).toBeGreaterThan(before);
    }
    const hrefs = await paths();
    expect(hrefs).toContain('/findings/trial/');
    // Every result is a page of this site that exists.
    for (const h of hrefs.slice(0, 5))
      expect((await page.request.get(`${server.origin}${h}`)).status()).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the search index keeps a glossary term apart from its definition', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/`);
    // Pagefind's own API, as its UI uses it: the indexed text of the glossary page.
    // Passed as text: Vitest would otherwise rewrite the import() for Node.
    const content = await page.evaluate<string | null>(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search('child in need');
      for (const r of search.results) {
        const data = await r.data();
        if (new URL(data.url, location.origin).pathname === '/glossary/') return data.content;
      }
      return null;
    })()`);
    expect(content).not.toBeNull();
    expect(content).toMatch(/\(child in need\) An assessment/);
    expect(content).not.toMatch(/\)An /);
    await page.close();
  });

  test('a search can be linked to with ?q=', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/search/?q=Lambeth`);
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 });
    const hrefs = await page
      .locator('.pagefind-ui__result-link')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toContain('/authorities/lambeth/');
    await page.close();
  });

  test('the schools calculator appears and updates as the number of pupils changes', async () => {
    const rate = json('rates.json').find(
      (r: { study: string; scope: string; outcome: string; group: string; period: string }) =>
        r.study === 'trial' &&
        r.scope === 'overall' &&
        r.outcome === 's47' &&
        r.group === 'control' &&
        r.period === 'followup',
    ).ratePer1000;
    const page = await browser.newPage();
    await page.goto(`${server.origin}/for-schools/`);
    const result = page.locator('#calc-result');
    await expect.poll(() => page.locator('#calculator').isVisible()).toBe(true);
    await expect.poll(() => result.textContent()).toContain('For 1,000 pupils');
    await page.locator('#pupils').fill('2000');
    await expect
      .poll(() => result.textContent())
      .toContain(
        `For 2,000 pupils: about ${formatNumber((2000 * rate) / 1000, 1)} enquiries a year expected`,
      );
    await page.locator('#pupils').fill('0');
    await expect.poll(() => result.textContent()).toBe('Enter a number of pupils above zero.');
    await page.close();
  });

  test('the authorities index filters by name and by participation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/authorities/`);
    const visible = () => page.locator('#authority-list li:visible').count();
    expect(await visible()).toBe(json('dataset.json').authorities.length);
    await page.locator('#q').fill('lamb');
    await expect.poll(visible).toBe(1);
    await expect.poll(() => page.locator('#q-count').textContent()).toBe('1 authority shown');
    await page.locator('#q').fill('');
    await page.locator('#part').selectOption('pilot');
    await expect.poll(visible).toBe(json('dataset.json').pilot.sites.length);
    await page.close();
  });
});

describe('without JavaScript', () => {
  test('the schools page keeps its table and hides the calculator; search explains itself', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/for-schools/`);
    expect(await page.locator('#calculator').isVisible()).toBe(false);
    expect(await page.locator('caption', { hasText: 'schools of different sizes' }).isVisible()).toBe(true);
    await page.goto(`${server.origin}/search/`);
    expect(await page.getByText('Search needs JavaScript.').isVisible()).toBe(true);
    expect(await page.locator('#authority-filter').count()).toBe(0);
    await page.goto(`${server.origin}/authorities/`);
    expect(await page.locator('#authority-filter').isVisible()).toBe(false);
    await context.close();
  });
});
