import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { firstProblemLocation } from '../src/integrations/liveResults.ts';
import { launchBrowser, openPage, type TestBrowser } from './browser/browser.ts';
import { root } from './helpers/runScript.ts';

// `npm run dev` in a scratch copy of the project (node_modules linked, everything else copied: Astro
// needs its source files at their real paths), on a port the OS chooses, so the repository's
// data/, out/ and .astro/ are never touched and other engineers' servers are never in the way.
let project: string;
let server: ChildProcess;
let log = '';
let base = '';
let socket: WebSocket;
let browser: TestBrowser;
const messages: {
  type: string;
  err?: { message: string; plugin?: string; loc?: { file: string; line: number } };
}[] = [];

const stripAnsi = (text: string) =>
  text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
const estimates = () => readFileSync(join(project, 'out/estimates.json'), 'utf8');
async function until<T>(what: string, probe: () => T | undefined | false, ms = 240_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; server log:\n${stripAnsi(log)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const count = (pattern: RegExp) => [...stripAnsi(log).matchAll(new RegExp(pattern, 'g'))].length;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'swis-dev-'));
  for (const f of [
    'src',
    'public',
    'scripts',
    'node_modules',
    'package.json',
    'tsconfig.json',
    'CITATION.cff',
  ])
    symlinkSync(join(root, f), join(project, f));
  for (const f of ['astro.config.mjs', 'content'])
    cpSync(join(root, f), join(project, f), { recursive: true });
  cpSync(join(root, 'data'), join(project, 'data'), { recursive: true });
  // A clean environment, as in a researcher's terminal: Vitest's variables (VITEST, NODE_ENV=test,
  // MODE, BASE_URL, SSR …) change how Astro's dev server resolves and serves modules.
  const env: Record<string, string> = { NODE_NO_WARNINGS: '1' };
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG'])
    if (process.env[k] !== undefined) env[k] = process.env[k]!;
  server = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', '0'], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (b: Buffer) => (log += b.toString()));
  server.stderr!.on('data', (b: Buffer) => (log += b.toString()));
  base = await until(
    'the server address',
    () => /Local\s+(http:\/\/localhost:\d+)\//.exec(stripAnsi(log))?.[1],
  );
  await until('the first results', () => count(/\[swis-live-results\] results: wrote \d+ files/) >= 1);
  socket = new WebSocket(base.replace('http', 'ws'), 'vite-hmr');
  socket.addEventListener('message', (e) => messages.push(JSON.parse(String(e.data))));
  await until('the HMR socket', () => socket.readyState === WebSocket.OPEN);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  socket?.close();
  if (server?.pid) server.kill('SIGTERM');
});

/** Opens a dev page in Chromium; its console errors (a blocked inline style is one) are in `log`. */
async function openDevPage(path: string) {
  const opened = await openPage(browser.browser, base);
  await opened.page.goto(`${base}${path}`, { waitUntil: 'load' });
  return opened;
}

/** Every stylesheet of the page, inline or linked, with whether the browser applied it. */
const stylesheets = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('style, link[rel="stylesheet"]')].map((el) => ({
      what: el.outerHTML.slice(0, 80),
      applied: (el as HTMLStyleElement | HTMLLinkElement).sheet !== null,
    })),
  );

describe('npm run dev', () => {
  test('pages are styled in Chromium, with no Content-Security-Policy or other console error', async () => {
    for (const path of ['/', '/findings/trial/']) {
      const { context, page, log: browserLog } = await openDevPage(path);
      const sheets = await stylesheets(page);
      // Vite serves every stylesheet inline in dev; the published policy blocked all of them.
      expect(sheets.length, path).toBeGreaterThan(0);
      expect(
        sheets.filter((s) => !s.applied),
        path,
      ).toEqual([]);
      expect(
        await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')!).position),
        `${path}: the skip link is positioned by site.css`,
      ).toBe('absolute');
      // The page still carries a policy: only inline code is allowed beyond the published one.
      expect(
        await page.evaluate(() =>
          document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
        ),
      ).toMatch(
        /^default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self';/,
      );
      expect(browserLog.errors, path).toEqual([]);
      expect(browserLog.offsite, path).toEqual([]);
      await context.close();
    }
  }, 120_000);

  test('recomputes the results when a data CSV changes, reloads the browser and serves the new figures', async () => {
    const before = estimates();
    const page = await (await fetch(`${base}/findings/trial/`)).text();
    const path = join(project, 'data/trial/outcomes.csv');
    // Add Section 47 enquiries in the follow-up of every other school: the estimates must move.
    const lines = readFileSync(path, 'utf8').split('\n');
    const changed = lines.map((l, i) => {
      const f = l.split(',');
      if (!(i > 0 && f[1] === 'followup' && f[2] === 's47' && i % 2 === 0)) return l;
      // The count is the fourth column; the columns after it (exposure, value) stay as they are.
      f[3] = String(Number(f[3]) + 8);
      return f.join(',');
    });
    writeFileSync(path, changed.join('\n'));
    await until('new results', () => count(/\[swis-live-results\] results: wrote \d+ files/) >= 2);
    await until('a full reload', () => messages.some((m) => m.type === 'full-reload'));
    const after = estimates();
    expect(after).not.toBe(before);
    const s47 = (
      JSON.parse(after) as {
        study: string;
        outcome: string;
        analysis: string;
        scope: string;
        estimate: number;
      }[]
    ).find(
      (e) => e.study === 'trial' && e.outcome === 's47' && e.analysis === 'adjusted' && e.scope === 'overall',
    )!;
    const shown = s47.estimate.toFixed(3);
    const response = await fetch(`${base}/findings/trial/`);
    const reloaded = await response.text();
    expect(response.status, stripAnsi(log)).toBe(200);
    expect(page).not.toContain(`>${shown} (95% CI`);
    expect(reloaded).toContain(`>${shown} (95% CI`);
  }, 300_000);

  test('a bad CSV keeps the last good results and reports file and line in the terminal and the overlay', async () => {
    const good = estimates();
    const path = join(project, 'data/trial/schools.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/,analysed$/, ',analysd');
    writeFileSync(path, lines.join('\n'));
    const where = `${join(project, 'data/trial/schools.csv')}:3`;
    await until('the error in the terminal', () => stripAnsi(log).includes(`${where}: column "status"`));
    const error = await until('the overlay error', () =>
      messages.find((m) => m.type === 'error' && m.err?.plugin === 'swis-live-results'),
    );
    expect(error.err?.loc).toEqual({ file: join(project, 'data/trial/schools.csv'), line: 3, column: 1 });
    // Astro escapes the message for its overlay's HTML.
    const message = (error.err?.message ?? '').replaceAll('&quot;', '"');
    expect(message).toContain(`${where}: column "status": expected one of "analysed"`);
    expect(message).toContain('the site still shows the last good results');
    expect(stripAnsi(log)).toContain('are still in use');
    expect(estimates()).toBe(good);
    // The page still renders from the last good results.
    expect((await fetch(`${base}/findings/trial/`)).status).toBe(200);

    // In the browser: the overlay covers the page, styled, with the file and line and what to do.
    const { context, page, log: browserLog } = await openDevPage('/findings/trial/');
    const overlay = page.locator('vite-error-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    await expect.poll(() => overlay.locator('#message-content').textContent()).toContain(where);
    const shown = await overlay.evaluate((el) => {
      const root = el.shadowRoot!;
      const box = root.querySelector('#message-content')!.getBoundingClientRect();
      return {
        sheets: [...root.querySelectorAll('style')].map((s) => s.sheet !== null),
        title: root.querySelector('#title')?.textContent,
        hint: root.querySelector('#hint-content')?.textContent,
        messageTop: box.top,
        messageWidth: box.width,
      };
    });
    expect(shown.sheets.length).toBeGreaterThan(0);
    expect(shown.sheets.every(Boolean)).toBe(true);
    expect(shown.title).toBe('The data has problems');
    expect(shown.hint).toMatch(/^Fix the file named above and save it/);
    // Readable where it opens: the message is in the first screen, not appended below the page.
    expect(shown.messageTop).toBeGreaterThanOrEqual(0);
    expect(shown.messageTop).toBeLessThan(page.viewportSize()!.height);
    expect(shown.messageWidth).toBeGreaterThan(300);
    expect(browserLog.errors).toEqual([]);
    await context.close();
  }, 300_000);
});

test('firstProblemLocation finds the first FILE:LINE in the results output', () => {
  expect(firstProblemLocation('results: x\ndata/trial/schools.csv:14: column "pupils": …\n')).toEqual({
    file: 'data/trial/schools.csv',
    line: 14,
    column: 1,
  });
  expect(firstProblemLocation('results: the data folder "x" does not exist')).toBeNull();
});
