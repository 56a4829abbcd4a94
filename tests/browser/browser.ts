import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts';

/** A launched browser. */
export interface TestBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Launches Chromium headless with the flags these machines need. Playwright gives a
 * non-persistent launch a fresh temporary profile of its own (it refuses --user-data-dir), so
 * every launch starts clean.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** What happened while a page was open: console errors, uncaught errors, requests that left the site. */
export interface PageLog {
  errors: string[];
  offsite: string[];
}

/**
 * A new context and page that records console errors and uncaught exceptions, and blocks and
 * records every request to another origin (so a test fails rather than reaching the network).
 */
export async function openPage(
  browser: Browser,
  origin: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; log: PageLog }> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
  const log: PageLog = { errors: [], offsite: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('data:')) return route.continue();
    log.offsite.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`uncaught: ${e.message}`));
  return { context, page, log };
}
