import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';
import { axeViolations, tabThrough } from './browser/pageChecks.ts';
import { pageFile, pageTypes } from './browser/pageTypes.ts';
import { startStaticServer } from './browser/staticServer.ts';

// The built site (scripts/test.mjs builds it first) in Debian's Chromium, served as a static host
// would serve it, with the Content-Security-Policy of public/_headers as a real header as well as
// the meta tag. Page types are found from dist/, so pages added later are covered too.
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const types = pageTypes(dist);
const pages = types.flatMap((t) => t.pages);

const checked = { axe: 0 };
const site = useBuiltSite();
afterAll(async () => {
  console.log(
    `browser: ${checked.axe} pages (${types.length} page types) checked with axe-core, 0 violations allowed`,
  );
});

describe.each(pages)('%s', (path) => {
  test('has no axe violations (WCAG 2.2 AA), no console errors, no off-site request; Tab reaches every control with a visible focus', async () => {
    const { context, page, log } = await openPage(site.browser, site.origin);
    try {
      const response = await page.goto(site.origin + path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const { violations, passes } = await axeViolations(page);
      expect(violations).toEqual([]);
      expect(passes).toBeGreaterThan(10);
      checked.axe++;
      const tab = await tabThrough(page);
      expect(tab.missed, 'controls Tab never reached').toEqual([]);
      expect(tab.invisible, 'controls with no visible focus indicator').toEqual([]);
      expect(tab.controls).toBeGreaterThan(5);
      expect(log.errors).toEqual([]);
      expect(log.offsite).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('shows its charts and tables with JavaScript disabled', async () => {
    const html = readFileSync(pageFile(dist, path), 'utf8');
    const expected = {
      // A chart with a phone layout is in the page twice and shown once (a container query picks).
      charts:
        (html.match(/<svg[^>]*role="img"/g) ?? []).length -
        (html.match(/class="chart-track[^"]*chart-phone/g) ?? []).length,
      tables: (html.match(/<table/g) ?? []).length,
    };
    const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
    try {
      await page.goto(site.origin + path, { waitUntil: 'load' });
      // Open every disclosure the way a reader does (a chart's data table sits behind one), then
      // every chart and table must be rendered.
      const summaries = page.locator('details:not([open]) > summary');
      for (let i = await summaries.count(); i > 0; i--) await summaries.first().click();
      const shown = await page.evaluate(() => {
        const visible = (el: Element) =>
          el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().height > 0;
        return {
          charts: [...document.querySelectorAll('svg[role="img"]')].filter(visible).length,
          tables: [...document.querySelectorAll('table')].filter(visible).length,
        };
      });
      expect(shown).toEqual(expected);
    } finally {
      await context.close();
    }
  });
});

test('every page type is covered, charts and tables included', () => {
  const types_ = types.map((t) => t.type);
  for (const t of ['/', '/authorities/*', '/findings/*', '/updates/*', '/for-schools/', '/404.html'])
    expect(types_).toContain(t);
  const all = pages.map((p) => readFileSync(pageFile(dist, p), 'utf8')).join('');
  expect(all).toContain('<table');
  expect(all).toMatch(/<svg[^>]*role="img"/);
});

// The schools calculator with JavaScript on and off is tested in tests/site-browser.test.ts, the
// authorities filter in tests/authority-filter-browser.test.ts.

test('the checks catch a doctored page: axe violation, console error, off-site request, missing focus', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'swis-doctored-'));
  try {
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Doctored</title>
      <style>.bare:focus { outline: none; box-shadow: none; }</style></head><body><main>
      <h1>Doctored</h1><img src="https://example.com/tracker.png">
      <a href="/a/">Fine link</a> <button class="bare">No focus ring</button>
      <details><summary>More</summary><a href="/hidden/">Inside closed details</a></details>
      <script>throw new Error('boom')</script></main></body></html>`,
    );
    const doctored = await startStaticServer(dir);
    const { context, page, log } = await openPage(site.browser, doctored.origin);
    try {
      await page.goto(`${doctored.origin}/`, { waitUntil: 'load' });
      const { violations } = await axeViolations(page);
      expect(violations.map((v) => v.split(' ')[0])).toContain('image-alt');
      expect(log.errors).toContain('uncaught: boom');
      expect(log.offsite).toEqual(['https://example.com/tracker.png']);
      const tab = await tabThrough(page);
      expect(tab.controls).toBe(3);
      expect(tab.missed).toEqual([]);
      expect(tab.invisible).toEqual([expect.stringContaining('No focus ring')]);
    } finally {
      await context.close();
      await doctored.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
