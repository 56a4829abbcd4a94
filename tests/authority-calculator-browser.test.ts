import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from './browser/builtSite.ts';
import type { Comparison, Context, DatasetFacts } from '../src/lib/contracts/resultsSchemas.ts';
import { formatNumber } from '../src/lib/format/formatNumber.ts';

// The schools page's expected enquiries by authority (<AuthorityFrequencies>), and the authorities
// index, in real Chromium with JavaScript on and off, over the built site (`npm run build` first).
const root = join(import.meta.dirname, '..');
const json = <T>(name: string): T => JSON.parse(readFileSync(join(root, 'out', name), 'utf8')) as T;

// The authority with the highest Section 47 rate in England's latest year, and the trial's
// published interval, straight from the results the page was built from.
const context = json<Context[]>('context.json').filter((r) => r.measure === 's47_enquiries');
const latest = Math.max(...context.filter((r) => r.laCode === 'E92000001').map((r) => r.year));
const top = context
  .filter((r) => r.year === latest && r.laCode !== 'E92000001' && r.ratePer10k !== null)
  .sort((a, b) => b.ratePer10k! - a.ratePer10k!)[0]!;
const dataset = json<DatasetFacts>('dataset.json');
const name = dataset.authorities.find((a) => a.laCode === top.laCode)!.name;
const { estimate, ciLow, ciHigh } = json<Comparison[]>('comparisons.json').find(
  (c) => c.study === 'trial' && c.outcome === 's47' && c.analysis === 'adjusted' && c.scope === 'overall',
)!.published;
const expected = (pupils: number) => (pupils * top.ratePer10k!) / 10000;
const one = (n: number) => formatNumber(n, 1);

const site = useBuiltSite();

describe('with JavaScript', () => {
  test("the authority picker works out a school's expected enquiries from the chosen authority's rate", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/for-schools/`);
    const result = page.locator('#calc-authority-result');
    await expect.poll(() => page.locator('#authority-calculator').isVisible()).toBe(true);
    await expect.poll(() => result.textContent()).toBe('Choose an authority to see its figures.');
    await page.getByLabel('Local authority').selectOption({ label: name });
    await expect
      .poll(() => result.textContent())
      .toContain(
        `A school of 1,000 pupils there would expect about ${one(expected(1000))} enquiries a year; with SWIS, the trial is consistent with anything from ${one(expected(1000) * ciLow)} to ${one(expected(1000) * ciHigh)}.`,
      );
    expect(await result.textContent()).toContain(`${one(top.ratePer10k!)} Section 47 enquiries per 10,000`);
    await page.locator('#calc-school-pupils').fill('1500');
    await expect
      .poll(() => result.textContent())
      .toContain(`would expect about ${one(expected(1500))} enquiries`);
    await page.locator('#calc-school-pupils').fill('0');
    await expect.poll(() => result.textContent()).toBe('Enter a number of pupils above zero.');
    await page.close();
  });
});

describe('without JavaScript', () => {
  test("the picker stays hidden and the folded table gives every authority's figures", async () => {
    const context_ = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context_.newPage();
    await page.goto(`${site.origin}/for-schools/`);
    expect(await page.locator('#authority-calculator').isVisible()).toBe(false);
    const table = page.locator('#authority-frequencies table');
    expect(await table.isVisible()).toBe(false);
    await page.locator('#authority-frequencies summary').click();
    expect(await table.isVisible()).toBe(true);
    const row = table.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) });
    expect(await row.locator('td').allTextContents()).toEqual([
      one(top.ratePer10k!),
      one(expected(1000)),
      `${one(expected(1000) * ciLow)} to ${one(expected(1000) * ciHigh)}`,
    ]);
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(100);
    await context_.close();
  });

  test('an authority page shows what its own rate means for a school, on a phone, with every column', async () => {
    const context_ = await site.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    const page = await context_.newPage();
    await page.goto(`${site.origin}/authorities/croydon/`);
    const croydon = dataset.authorities.find((a) => a.name === 'Croydon')!.laCode;
    const rate = context.find((r) => r.laCode === croydon && r.year === latest)!.ratePer10k!;
    const section = page.locator('section[aria-labelledby="school-here"]');
    expect(
      await section.getByRole('heading', { name: 'What this means for a school here' }).isVisible(),
    ).toBe(true);
    // The stacked table on a phone: each row's cells, labelled, for a school of 1,000 pupils.
    const row = section.locator('tbody tr', { has: page.locator('th', { hasText: /^1,000$/ }) });
    const e = (1000 * rate) / 10000;
    expect(await row.locator('td').allTextContents()).toEqual([
      one(e),
      one(e * estimate),
      `${one(e * ciLow)} to ${one(e * ciHigh)}`,
    ]);
    expect(await row.locator('td').first().isVisible()).toBe(true);
    // Nothing in the section is wider than the page.
    const widest = await section.evaluate((s) =>
      Math.max(...[...s.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(375);
    await context_.close();
  });

  test('the authorities index lists every region with a working link to its list', async () => {
    const context_ = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context_.newPage();
    await page.goto(`${site.origin}/authorities/`);
    const regions = [...new Set(dataset.authorities.map((a) => a.region))];
    const links = page.getByRole('navigation', { name: 'Regions' }).getByRole('link');
    expect(await links.count()).toBe(regions.length);
    await links.first().click();
    const target = new URL(page.url()).hash;
    expect(await page.locator(`${target} + ul li`).count()).toBeGreaterThan(0);
    await context_.close();
  });
});
