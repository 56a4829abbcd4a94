import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatNumber } from '../src/lib/format/formatNumber.ts';
import { slug } from '../src/lib/format/slug.ts';
import { useBuiltSite } from './browser/builtSite.ts';
import { axeViolations, tabThrough } from './browser/pageChecks.ts';
import { root } from './helpers/runScript.ts';

// The filter of /authorities/ in real Chromium over the built site (`npm run build` first): a
// GET form whose region and taking-part choices filter with CSS alone, and whose name field, with
// JavaScript, narrows the list as the reader types and keeps the address in step. Expected lists
// come from data/ itself: the authorities and their regions, and the trial's schools' authorities.
const csv = <T>(path: string): T[] =>
  Papa.parse<T>(readFileSync(join(root, 'data', path), 'utf8'), { header: true, skipEmptyLines: true }).data;
const authorities = csv<{ la_code: string; la_name: string; region: string }>('authorities.csv');
const trialCodes = new Set(csv<{ la_code: string }>('trial/schools.csv').map((s) => s.la_code));
const inTrial = authorities.filter((a) => trialCodes.has(a.la_code));
const byCount = (list: typeof authorities) =>
  [...new Set(list.map((a) => a.region))].sort(
    (a, b) => list.filter((x) => x.region === b).length - list.filter((x) => x.region === a).length,
  );
/** The region with the most authorities in the trial, and one with none. */
const region = byCount(inTrial)[0]!;
const regionWithoutTrial = byCount(authorities).find((r) => !inTrial.some((a) => a.region === r))!;
const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');
const names = (list: typeof authorities) => list.map((a) => a.la_name).sort(byName);
const total = formatNumber(authorities.length);

const site = useBuiltSite();

/** The names of the authorities the list shows, in page order. */
const shownNames = (page: Page) => page.locator('#authority-list li:visible > a').allTextContents();
const shownRegions = (page: Page) => page.locator('#authority-list h3:visible').allTextContents();
const indexRegions = (page: Page) =>
  page.getByRole('navigation', { name: 'Regions' }).locator('li:visible').allTextContents();
const status = (page: Page) => page.locator('#filter-status p:visible').first().textContent();

describe('without JavaScript', () => {
  test('choosing a region and taking part narrows the list to what data/ says, with CSS alone', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/authorities/`);
    const form = page.getByRole('form', { name: 'Filter the list of authorities' });
    expect(await form.evaluate((f: HTMLFormElement) => [f.method, new URL(f.action).pathname])).toEqual([
      'get',
      '/authorities/',
    ]);
    expect(await shownNames(page)).toHaveLength(authorities.length);
    expect(await status(page)).toBe(`Showing all ${total} authorities.`);

    await form.getByLabel('Region', { exact: true }).selectOption({ label: region });
    const inRegion = authorities.filter((a) => a.region === region);
    expect(await shownNames(page)).toEqual(names(inRegion));
    expect(await shownRegions(page)).toEqual([region]);
    expect(await indexRegions(page)).toEqual([region]);
    expect(await status(page)).toBe(
      `Showing ${formatNumber(inRegion.length)} of ${total} authorities: in ${region}.`,
    );

    await form.getByRole('radio', { name: /^Trial\b/ }).check();
    const expected = inRegion.filter((a) => trialCodes.has(a.la_code));
    expect(await shownNames(page)).toEqual(names(expected));
    expect(await status(page)).toBe(
      `Showing ${formatNumber(expected.length)} of ${total} authorities: in ${region}, took part in the trial.`,
    );

    // Taking part alone: regions with no authority in the trial leave the list and the index.
    await form.getByLabel('Region', { exact: true }).selectOption({ label: 'All regions' });
    expect((await shownNames(page)).sort(byName)).toEqual(names(inTrial));
    const trialRegions = [...new Set(inTrial.map((a) => a.region))].sort(byName);
    expect(await shownRegions(page)).toEqual(trialRegions);
    expect(await indexRegions(page)).toEqual(trialRegions);

    // Nothing matches: the page says so, and the form's reset button brings every authority back.
    await form.getByLabel('Region', { exact: true }).selectOption({ label: regionWithoutTrial });
    expect(await shownNames(page)).toEqual([]);
    expect(await status(page)).toBe(
      `No authority matches: in ${regionWithoutTrial}, took part in the trial.`,
    );
    await form.getByRole('button', { name: 'Clear the filters' }).click();
    expect(await shownNames(page)).toHaveLength(authorities.length);
    await context.close();
  });

  test('the name field, which needs JavaScript, is not offered; the page says how to find a name instead', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/authorities/`);
    expect(await page.getByLabel('Authority name or region').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Filter', exact: true }).isVisible()).toBe(false);
    expect(await page.getByText('Finding an authority by name needs JavaScript').isVisible()).toBe(true);
    await context.close();
  });
});

describe('with JavaScript', () => {
  test('typing narrows the list, says how many in a live region, and puts the query in the address', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/authorities/`);
    const field = page.getByLabel('Authority name or region');
    await expect.poll(() => field.isVisible()).toBe(true);
    expect(await page.getByText('Finding an authority by name needs JavaScript').isVisible()).toBe(false);
    // A query spelt loosely: another case, and no full stop ("st helens" finds "St. Helens").
    const target = authorities.find((a) => /[^\w\s]/.test(a.la_name)) ?? authorities[0]!;
    const query = target.la_name.replace(/\W+/g, ' ').toUpperCase();
    await field.fill(query);
    await expect.poll(() => shownNames(page)).toEqual([target.la_name]);
    expect(await shownRegions(page)).toEqual([target.region]);
    expect(await indexRegions(page)).toEqual([target.region]);
    const live = page.locator('#filter-status');
    expect(await live.getAttribute('role')).toBe('status');
    expect(await live.locator('#filter-js-count').textContent()).toBe(
      `Showing 1 of ${total} authorities: matching “${query}”.`,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);

    // A region's name finds every authority in it.
    await field.fill(region.toLowerCase());
    await expect.poll(() => shownNames(page)).toEqual(names(authorities.filter((a) => a.region === region)));
    await page.close();
  });

  test('the address filters the list on load, and the controls show what it asked for', async () => {
    const page = await site.browser.newPage();
    const fragment = slug(region).slice(0, 3);
    await page.goto(`${site.origin}/authorities/?q=${fragment}&region=${slug(region)}&took-part=trial`);
    const expected = inTrial.filter(
      (a) => a.region === region && `${a.la_name} ${a.region}`.toLowerCase().includes(fragment),
    );
    await expect.poll(() => shownNames(page)).toEqual(names(expected));
    expect(await page.getByLabel('Authority name or region').inputValue()).toBe(fragment);
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe(slug(region));
    expect(await page.getByRole('radio', { name: /^Trial\b/ }).isChecked()).toBe(true);
    // Changing a choice keeps the address in step; "all" leaves the address.
    await page.getByRole('radio', { name: 'All authorities' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.has('took-part')).toBe(false);
    expect(new URL(page.url()).searchParams.get('region')).toBe(slug(region));
    await page.close();
  });

  test('no match says so and offers to clear; back leaves the page rather than undoing keystrokes', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.goto(`${site.origin}/authorities/`);
    const field = page.getByLabel('Authority name or region');
    await expect.poll(() => field.isVisible()).toBe(true);
    await field.pressSequentially('zzq');
    await expect.poll(() => shownNames(page)).toEqual([]);
    expect(await shownRegions(page)).toEqual([]);
    expect(await page.locator('#filter-js-count').textContent()).toBe(
      'No authority matches: matching “zzq”.',
    );
    const clear = page.locator('#filter-status').getByRole('button', { name: 'Clear the filters' });
    await clear.click();
    await expect.poll(() => shownNames(page).then((n) => n.length)).toBe(authorities.length);
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => field.evaluate((f) => f === document.activeElement)).toBe(true);

    await field.fill('zzq');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('zzq');
    await page.goBack();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goForward();
    expect(new URL(page.url()).searchParams.get('q')).toBe('zzq');
    await expect.poll(() => shownNames(page)).toEqual([]);
    await page.close();
  });
});

describe('accessibility', () => {
  // "Off" is the page with its script blocked, which leaves the same page as JavaScript switched off
  // while axe, injected through the DevTools protocol, can still run.
  for (const js of [false, true])
    test(`with the script ${js ? 'running' : 'blocked'}, axe finds nothing and Tab reaches every control with a visible focus, at 320 px with no sideways scroll`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 320, height: 700 } });
      if (!js) await context.route('**/*.js', (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${site.origin}/authorities/`);
      expect(await page.getByLabel('Authority name or region').isVisible()).toBe(js);
      await page.getByLabel('Region', { exact: true }).selectOption({ label: regionWithoutTrial });
      await page.getByRole('radio', { name: /^Trial\b/ }).check();
      expect(await status(page)).toMatch(/^No authority matches/);
      expect((await axeViolations(page)).violations).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      const tab = await tabThrough(page);
      expect(tab.missed).toEqual([]);
      expect(tab.invisible).toEqual([]);
      await context.close();
    });
});
