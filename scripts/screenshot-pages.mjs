/* global document -- read inside the page by page.evaluate */
// Full-page screenshots of chosen pages for people to look at: `npm run build` first, then
//   node scripts/screenshot-pages.mjs <outdir> /authorities/ /for-schools/ …
// Writes <outdir>/<page>-<width>.png at 320, 375 and 1280 px, with JavaScript on, and at 375 px
// with it off (<page>-375-nojs.png); PARTS=1 adds slices of each (see below).
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [out = '/tmp/swis-pages', ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const root = join(import.meta.dirname, '..', 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  let file = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  const ext = Object.keys(types).find((e) => file.endsWith(e));
  res.writeHead(200, { 'Content-Type': ext ? types[ext] : 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox'],
});
const name = (p) => p.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home';
for (const [width, javaScriptEnabled] of [
  [320, true],
  [375, true],
  [1280, true],
  [375, false],
]) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  for (const p of paths) {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}${p}`);
    const file = join(out, `${name(p)}-${width}${javaScriptEnabled ? '' : '-nojs'}.png`);
    await page.screenshot({ path: file, fullPage: true });
    // With PARTS=1, also the page in screen-high slices (<page>-<width>-part<n>.png), readable
    // where a whole long page shrinks to a thumbnail.
    if (process.env.PARTS === '1') {
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 1; y < height; y += 1600, n++) {
        const clip = { x: 0, y, width, height: Math.min(1600, height - y) };
        await page.screenshot({ path: file.replace(/\.png$/, `-part${n}.png`), clip, fullPage: true });
      }
    }
    await page.close();
  }
  await context.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
