import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatNumber } from '../src/lib/format/formatNumber.ts';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';
import { axeViolations, tabThrough } from './browser/pageChecks.ts';

// The built site (scripts/test.mjs runs `npm run build` first) in real Chromium, served over HTTP
// as a static host would serve it.
const root = join(import.meta.dirname, '..');
const json = (name: string) => JSON.parse(readFileSync(join(root, 'out', name), 'utf8'));

const site = useBuiltSite();

describe('with JavaScript', () => {
  /** The paths of the result links, in order. */
  const resultPaths = (page: Page) =>
    page
      .locator('#search-results a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

  test('search finds the trial findings for "Section 47", each result a page that exists with its words marked', async () => {
    const { context, page, log } = await openPage(site.browser, site.origin);
    await page.goto(`${site.origin}/search/`);
    await expect.poll(() => page.locator('#search-fallback').isHidden()).toBe(true);
    await page.getByLabel('Search every page of this site').fill('Section 47');
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ results for “Section 47”$/);
    const count = Number((await status.textContent())!.split(' ')[0]);
    const more = page.locator('#search-more');
    while (await more.isVisible()) await more.click();
    const paths = await resultPaths(page);
    expect(paths).toHaveLength(count);
    expect(paths).toContain('/findings/trial/');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Section 47');
    // Every result is a page of this site that exists, with an excerpt showing the words found.
    for (const p of paths) expect((await page.request.get(`${site.origin}${p}`)).status(), p).toBe(200);
    const marks = await page
      .locator('#search-results li')
      .evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent)));
    for (const m of marks) expect(m.length).toBeGreaterThan(0);
    expect(marks.flat().every((w) => /^(section|47)$/i.test(w ?? ''))).toBe(true);
    expect(log.errors).toEqual([]);
    expect(log.offsite).toEqual([]);
    await context.close();
  });

  test('a search can be linked to with ?q=, and an authority ranks first for its name', async () => {
    const { context, page, log } = await openPage(site.browser, site.origin);
    await page.goto(`${site.origin}/search/?q=Lambeth`);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/results? for “Lambeth”$/);
    expect(await page.getByLabel('Search every page of this site').inputValue()).toBe('Lambeth');
    expect((await resultPaths(page))[0]).toBe('/authorities/lambeth/');
    // A typo and a word still being typed find it too.
    await page.getByLabel('Search every page of this site').fill('lambth');
    await expect.poll(async () => (await resultPaths(page))[0]).toBe('/authorities/lambeth/');
    await page.getByLabel('Search every page of this site').fill('Lamb');
    await expect.poll(async () => (await resultPaths(page))[0]).toBe('/authorities/lambeth/');
    await page.getByLabel('Search every page of this site').fill('zzqqxx');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('No results for “zzqqxx”');
    expect(await resultPaths(page)).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  test('the search keeps a glossary term apart from its definition', async () => {
    const { context, page } = await openPage(site.browser, site.origin);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('section 17 assessment')}`);
    const glossary = page.locator('#search-results li', { has: page.locator('a[href="/glossary/"]') });
    await glossary.waitFor();
    const excerpt = await glossary.locator('.search-excerpt').textContent();
    expect(excerpt).toMatch(/\(child in need\) An assessment/);
    expect(excerpt).not.toMatch(/\)An /);
    await context.close();
  });

  test('the search page with results shown has no axe violations, a visible focus everywhere and no layout shift on load', async () => {
    const { context, page, log } = await openPage(site.browser, site.origin);
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('rate ratio')}`);
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(3);
    const { violations } = await axeViolations(page);
    expect(violations).toEqual([]);
    // Layout shifts since the page started loading, as Chromium scores them (CLS; 0.1 is "good").
    const shift = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
              if (!e.hadRecentInput) sum += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => done(sum), 100);
        }),
    );
    expect(shift).toBeLessThan(0.1);
    const tab = await tabThrough(page);
    expect(tab.missed).toEqual([]);
    expect(tab.invisible).toEqual([]);
    expect(log.errors).toEqual([]);
    await context.close();
  });

  test('"Show more results" adds the next results and moves focus to the first of them', async () => {
    const { context, page } = await openPage(site.browser, site.origin);
    // A word on nearly every page, so there are more results than one screenful.
    await page.goto(`${site.origin}/search/?q=authority`);
    const items = page.locator('#search-results li');
    await expect.poll(() => items.count()).toBe(20);
    const more = page.locator('#search-more');
    expect(await more.textContent()).toMatch(/^Show more results \([\d,]+ more\)$/);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBeGreaterThan(20);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches(':nth-child(21)'))).toBe(
      true,
    );
    await context.close();
  });

  test('when the index cannot be loaded, the page says so and offers the ways to browse', async () => {
    const { context, page } = await openPage(site.browser, site.origin);
    await context.route('**/search-index.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${site.origin}/search/?q=Lambeth`);
    await expect.poll(() => page.getByText('Search could not load.').isVisible()).toBe(true);
    expect(await page.locator('#search-form').isHidden()).toBe(true);
    expect(await page.getByRole('link', { name: 'Every local authority' }).isVisible()).toBe(true);
    await context.close();
  });

  test('the schools calculator appears and updates as the number of pupils changes', async () => {
    // At England's latest official rate of Section 47 enquiries, per 1,000 pupils a tenth of the rate per 10,000 children.
    const england = json('context.json')
      .filter(
        (r: { laCode: string; measure: string; ratePer10k: number | null }) =>
          r.laCode === 'E92000001' && r.measure === 's47_enquiries' && r.ratePer10k !== null,
      )
      .sort((a: { year: number }, b: { year: number }) => b.year - a.year)[0];
    const rate = england.ratePer10k / 10;
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/for-schools/`);
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
});

describe('without JavaScript', () => {
  test('the schools page keeps its table and hides the calculator; search explains itself', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/for-schools/`);
    expect(await page.locator('#calculator').isVisible()).toBe(false);
    expect(await page.locator('caption', { hasText: 'schools of different sizes' }).isVisible()).toBe(true);
    await page.goto(`${site.origin}/search/`);
    expect(await page.getByText('Search needs JavaScript.').isVisible()).toBe(true);
    expect(await page.locator('#search-form').isVisible()).toBe(false);
    expect(await page.locator('#authority-filter').count()).toBe(0);
    await context.close();
  });
});
