/**
 * The JavaScript pages of a built site really load, for `npm run bench`: each page is opened in
 * Debian's Chromium (playwright-core, never a downloaded browser), served as a static host serves
 * it, and every script the browser fetches is recorded — module scripts, the modules they import
 * statically or with import(), classic scripts added at run time, and worker scripts. A page with
 * a search form (form[role=search]) is searched first, so code it loads only when used is counted.
 * Reading the HTML for <script src> would miss all but the first of these.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { type BrowserContext, chromium } from 'playwright-core';
import { startStaticServer } from '../../tests/browser/staticServer.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './chromium.ts';

/** One page's scripts: each file's address and gzipped size in bytes, and their total. */
export interface LoadedScripts {
  page: string;
  files: { url: string; gzipBytes: number }[];
  gzipBytes: number;
}

/** The query typed into a page's search form before its scripts are counted. */
export const BENCH_QUERY = 'section 47';

/**
 * Opens each of `pages` (URL paths, e.g. "/findings/trial/") of the site in `dist`, waits until
 * the network is idle (after a search, where the page has a search form), and returns the
 * scripts it loaded, their sizes gzipped from the files in `dist`.
 */
export async function loadedScripts(dist: string, pages: readonly string[]): Promise<LoadedScripts[]> {
  const server = await startStaticServer(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  const gzipOf = (path: string) => gzipSync(readFileSync(join(dist, decodeURIComponent(path)))).length;
  try {
    const out: LoadedScripts[] = [];
    for (const path of pages) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const urls = new Set<string>();
      const record = (url: string) => {
        const u = new URL(url);
        if (u.origin === server.origin) urls.add(u.pathname);
      };
      // Context-wide, so requests from the page's workers are seen as well as the page's own.
      context.on('response', (r) => {
        const type = r.headers()['content-type'] ?? '';
        if (r.ok() && (r.request().resourceType() === 'script' || type.includes('javascript')))
          record(r.url());
      });
      page.on('worker', (w) => record(w.url()));
      const network = trackRequests(context);
      const response = await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      if (!response?.ok()) throw new Error(`loadedScripts: ${path} answered ${response?.status()}`);
      // Any search form, the site's own or one a library draws, so builds of either can be compared.
      const search = page.locator('form[role="search"] input:is([type="search"], [type="text"])');
      if ((await search.count()) > 0) {
        await search.first().fill(BENCH_QUERY);
        await search.first().press('Enter');
        await page
          .getByText(/\d+ results? for /)
          .first()
          .waitFor({ timeout: 30_000 });
        // Not page.waitForLoadState('networkidle'): the page reached that state before the search,
        // so it returns at once, before a script the search added has been fetched.
        await network.quiet();
      }
      await context.close();
      const files = [...urls].sort().map((url) => ({ url, gzipBytes: gzipOf(url) }));
      out.push({ page: path, files, gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) });
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Counts a browser context's requests in flight; `quiet()` resolves once none has been in flight
 * for `quietMs` (as Playwright's networkidle, but usable after the page has loaded).
 */
function trackRequests(context: BrowserContext, quietMs = 500, timeoutMs = 30_000) {
  let inFlight = 0;
  let lastChange = performance.now();
  const change = (by: number) => {
    inFlight += by;
    lastChange = performance.now();
  };
  context.on('request', () => change(1));
  context.on('requestfinished', () => change(-1));
  context.on('requestfailed', () => change(-1));
  return {
    async quiet() {
      const started = performance.now();
      while (inFlight > 0 || performance.now() - lastChange < quietMs) {
        if (performance.now() - started > timeoutMs)
          throw new Error(`loadedScripts: the network was still busy after ${timeoutMs / 1000} s`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
