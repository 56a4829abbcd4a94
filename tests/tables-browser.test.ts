import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';
import { pageTypes } from './browser/pageTypes.ts';

// Every table on one or two pages of every type (found from dist/, as in pages-browser.test.ts),
// with its disclosure opened, on a 320 px and a 375 px phone: every caption, header and cell lies
// inside the screen, so no column hides in a sideways scroll; the page itself never scrolls
// sideways; and a table laid out as stacked cards labels each cell with its column's header.
const dist = join(import.meta.dirname, '..', 'dist');
const pages = pageTypes(dist).flatMap((t) => t.pages);

const site = useBuiltSite();

/** What a page's tables look like at its width: cells outside the screen, stacked cells and their labels. */
interface TableReport {
  tables: number;
  cells: number;
  outside: string[];
  stacked: number;
  mislabelled: string[];
  pageWidth: number;
}

/** How many stacked tables each page shows at 375 px, as its test measured them. */
const stackedAt375 = new Map<string, number>();

describe.each(pages)('%s', (path) => {
  // The page is loaded once and laid out again at each width: its layout is CSS alone (media and
  // container queries, which a resize re-evaluates; no script reads the width), so this is what a
  // reader loading it at that width sees. Opening the disclosures (below) is the same at every width.
  let opened: Promise<{ context: BrowserContext; page: Page }> | undefined;
  const loaded = () =>
    (opened ??= openPage(site.browser, site.origin).then(async ({ context, page }) => {
      await page.goto(site.origin + path, { waitUntil: 'load' });
      return { context, page };
    }));
  afterAll(async () => {
    await (await opened?.catch(() => undefined))?.context.close();
  });

  test.each([320, 375])('at %i px every table cell is on screen, stacked cards labelled', async (width) => {
    const { page } = await loaded();
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => window.innerWidth)).toBe(width);
    const report: TableReport = await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
      const r: TableReport = {
        tables: 0,
        cells: 0,
        outside: [],
        stacked: 0,
        mislabelled: [],
        pageWidth: 0,
      };
      const right = document.documentElement.clientWidth;
      for (const table of document.querySelectorAll('table')) {
        r.tables++;
        const caption = table.caption?.textContent?.trim().slice(0, 60) ?? '(no caption)';
        const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
        const stacked = table.closest('.table-stack') !== null && getComputedStyle(table).display === 'block';
        if (stacked) r.stacked++;
        for (const cell of table.querySelectorAll('caption, tbody th, tbody td, thead th')) {
          // Column headers are hidden from view (not from screen readers) when the table is stacked.
          if (stacked && cell.closest('thead')) continue;
          r.cells++;
          const box = cell.getBoundingClientRect();
          if (box.left < -0.5 || box.right > right + 0.5)
            r.outside.push(
              `${caption}: "${cell.textContent?.trim()}" spans ${Math.round(box.left)}–${Math.round(box.right)} px`,
            );
          if (stacked && cell.closest('tbody')) {
            const column = headers[(cell as HTMLTableCellElement).cellIndex] ?? '';
            const label = getComputedStyle(cell, '::before').content;
            if (
              !(cell as HTMLElement).dataset['label'] ||
              cell.getAttribute('data-label') !== column ||
              !label.includes(column)
            )
              r.mislabelled.push(
                `${caption}: cell "${cell.textContent?.trim()}" labelled ${label}, column "${column}"`,
              );
          }
        }
      }
      r.pageWidth = document.documentElement.scrollWidth;
      return r;
    });
    if (width === 375) stackedAt375.set(path, report.stacked);
    expect(report.outside).toEqual([]);
    expect(report.mislabelled).toEqual([]);
    expect(report.pageWidth).toBeLessThanOrEqual(width);
    if (report.tables > 0) expect(report.cells).toBeGreaterThan(report.tables);
  });
});

test('the pages checked include wide tables that are stacked on a phone', async () => {
  const { context, page } = await openPage(site.browser, site.origin);
  try {
    await page.setViewportSize({ width: 375, height: 800 });
    let stacked = 0;
    for (const path of pages) {
      // Counted by the page's own test above when it ran (it counts the same tables at 375 px).
      const counted = stackedAt375.get(path);
      if (counted !== undefined) {
        stacked += counted;
        continue;
      }
      await page.goto(site.origin + path, { waitUntil: 'load' });
      stacked += await page.evaluate(
        () =>
          [...document.querySelectorAll('.table-stack table')].filter(
            (t) => getComputedStyle(t).display === 'block',
          ).length,
      );
    }
    expect(stacked).toBeGreaterThan(3);
    // At 1280 px the same tables are tables again, their column headers shown.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${site.origin}/findings/trial/`, { waitUntil: 'load' });
    const display = await page.evaluate(() =>
      [...document.querySelectorAll('.table-stack table')].map((t) => getComputedStyle(t).display),
    );
    expect(display.length).toBeGreaterThan(0);
    expect(new Set(display)).toEqual(new Set(['table']));
  } finally {
    await context.close();
  }
});
