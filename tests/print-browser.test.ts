import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';

// The print layout (site.css, @media print), through Chromium's own print-to-PDF (page.pdf) for
// the pages schools print, and in print media for what a PDF does not expose to a test: what is
// hidden, which links print their address, and that figures are kept whole.
const printed = ['/findings/trial/', '/for-schools/', '/authorities/croydon/'];

const site = useBuiltSite();

/** The number of pages in a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** What a page looks like in print media: hidden controls, link addresses, figures, tables. */
async function printView(page: Page) {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => {
    const shown = (el: Element) => el.checkVisibility() && el.getBoundingClientRect().height > 0;
    const after = (a: Element) => getComputedStyle(a, '::after').content;
    const links = [...document.querySelectorAll('main a[href]')].filter(shown);
    const href = (a: Element) => a.getAttribute('href') ?? '';
    const inPage = links.filter((a) => href(a).startsWith('#') || href(a).startsWith('data:'));
    const terms = links.filter((a) => a.classList.contains('term'));
    const addressed = links.filter((a) => !inPage.includes(a) && !terms.includes(a) && !a.closest('.cite'));
    const width = document.documentElement.clientWidth;
    return {
      navigation: [
        ...document.querySelectorAll('.site-nav, .skip-link, .breadcrumbs, .figure-download, summary'),
      ]
        .filter(shown)
        .map((el) => el.outerHTML.slice(0, 80)),
      addressed: addressed.length,
      missingAddress: addressed
        .filter((a) => !after(a).includes(href(a)))
        .map((a) => a.outerHTML.slice(0, 100)),
      strayAddress: [...inPage, ...terms]
        .filter((a) => after(a) !== 'none')
        .map((a) => a.outerHTML.slice(0, 100)),
      figures: document.querySelectorAll('figure').length,
      splittable: [...document.querySelectorAll('figure')]
        .filter((f) => getComputedStyle(f).breakInside !== 'avoid')
        .map((f) => f.id || f.textContent!.slice(0, 60)),
      hiddenTables: [...document.querySelectorAll('table')].filter((t) => !shown(t)).length,
      tables: document.querySelectorAll('table').length,
      cardTables: [...document.querySelectorAll('table')].filter(
        (t) => getComputedStyle(t).display !== 'table',
      ).length,
      cellsOutside: [...document.querySelectorAll('td, th')].filter(
        (c) => c.getBoundingClientRect().right > width + 0.5,
      ).length,
      printedFrom: [...document.querySelectorAll('.print-only')]
        .filter(shown)
        .map((p) => p.textContent ?? ''),
    };
  });
}

describe.each(printed)('%s', (path) => {
  test('prints to a PDF of a few A4 pages; in print, navigation goes, links show where they lead, figures and tables stay whole and open', async () => {
    const { context, page } = await openPage(site.browser, site.origin);
    try {
      // A4 less the @page margins (14 mm each side) at 96 px to the inch.
      await page.setViewportSize({ width: Math.round(((210 - 28) / 25.4) * 96), height: 1000 });
      await page.goto(site.origin + path, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      const pages = pdfPages(pdf);
      console.log(`print: ${path} is ${pages} A4 pages`);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(16);

      const view = await printView(page);
      expect(view.navigation).toEqual([]);
      expect(view.addressed).toBeGreaterThan(0);
      expect(view.missingAddress).toEqual([]);
      expect(view.strayAddress).toEqual([]);
      expect(view.figures).toBeGreaterThan(0);
      expect(view.splittable).toEqual([]);
      expect(view.tables).toBeGreaterThan(0);
      expect(view.hiddenTables).toBe(0);
      expect(view.cardTables).toBe(0);
      expect(view.cellsOutside).toBe(0);
      expect(view.printedFrom).toEqual([expect.stringContaining(`Printed from https://`)]);
    } finally {
      await context.close();
    }
  });
});

test('on screen the print-only address is hidden and the navigation shows', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  try {
    await page.goto(`${site.origin}/findings/trial/`, { waitUntil: 'load' });
    expect(await page.locator('.print-only').isVisible()).toBe(false);
    expect(await page.locator('.site-nav').isVisible()).toBe(true);
    const screenAfter = await page.evaluate(
      () => getComputedStyle(document.querySelector('main a[href^="http"]')!, '::after').content,
    );
    expect(screenAfter).toBe('none');
  } finally {
    await context.close();
  }
});
