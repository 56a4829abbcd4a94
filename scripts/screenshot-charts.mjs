// Screenshots of the chart gallery for people to look at: `npm run build` first, then
//   node scripts/screenshot-charts.mjs [outdir]   (default: /tmp/swis-charts)
// Writes charts-<width>.png and charts-maps-<width>.png (320, 375, 1280) plus one PNG per visible figure at each width.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? '/tmp/swis-charts';
mkdirSync(out, { recursive: true });
const root = join(import.meta.dirname, '..', 'dist');
const server = createServer((req, res) => {
  let file = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, {
    'Content-Type': file.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : file.endsWith('.css')
        ? 'text/css'
        : 'text/javascript',
  });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
// The gallery and its maps page (the maps live apart since d06d345, to keep each page under 100 KB).
const pages = [
  ['charts', '/charts/'],
  ['charts-maps', '/charts/maps/'],
];
for (const width of [320, 375, 1280]) {
  for (const [name, path] of pages) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`http://127.0.0.1:${server.address().port}${path}`);
    await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
    // Only the layout a reader sees: a chart with a phone layout carries both, and CSS hides one.
    for (const svg of await page.$$('figure svg[role="img"]')) {
      if (!(await svg.isVisible())) continue;
      const id = await svg.getAttribute('id');
      await svg.screenshot({ path: join(out, `${id}-${width}.png`) });
    }
    await page.close();
  }
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
