import { describe, expect, test } from 'vitest';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';

// Every figure's image downloads, on built pages with JavaScript off: the links are there, the
// files they name exist beside the page; the SVG is an image a browser draws and carries the
// figure's title, its source and its licence; the PNG is that SVG drawn at twice its size, with
// ink where the title is. scripts/test.mjs builds dist/ first.
const site = useBuiltSite();

describe('figure image downloads', () => {
  for (const path of ['/findings/trial/', '/authorities/lambeth/', '/charts/'])
    test(`${path}: every figure links an SVG and a PNG image with its title, source and licence, without JavaScript`, async () => {
      const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
      // One tab opens each image file in turn, as a reader's does: every image is a new document.
      const viewer = await site.browser.newPage();
      try {
        await page.goto(site.origin + path);
        const figures = await page.$$eval('figure.chart-figure', (all) =>
          all.map((f) => {
            const link = f.querySelector<HTMLAnchorElement>('a[data-figure-image][type="image/svg+xml"]');
            const png = f.querySelector<HTMLAnchorElement>('a[data-figure-image][type="image/png"]');
            const title = f.querySelector('.chart-track:not(.chart-phone) svg > title')?.textContent ?? '';
            return {
              href: link?.href ?? null,
              download: link?.getAttribute('download') ?? null,
              png: png
                ? { href: png.href, download: png.getAttribute('download'), text: png.textContent }
                : null,
              heading: f.querySelector('.figure-heading')?.textContent?.trim() || title,
            };
          }),
        );
        expect(figures.length).toBeGreaterThan(1);
        for (const f of figures) {
          expect(f.href, f.heading).not.toBeNull();
          expect(f.download, f.heading).toMatch(/^[a-z0-9-]+\.svg$/);
          const response = await page.request.get(f.href!);
          expect(response.status(), f.href!).toBe(200);
          expect(response.headers()['content-type'], f.href!).toBe('image/svg+xml');
          const text = await response.text();
          // Drawn by the browser as an image: it parses, and has a size.
          await viewer.goto(f.href!);
          const drawn = await viewer.evaluate(() => {
            const root = document.documentElement;
            const words = root.textContent ?? '';
            return {
              root: root.nodeName,
              error: document.querySelector('parsererror') !== null,
              width: root.getBoundingClientRect().width,
              words,
            };
          });
          expect({ root: drawn.root, error: drawn.error }, f.href!).toEqual({ root: 'svg', error: false });
          expect(drawn.width, f.href!).toBeGreaterThan(300);
          // The title wraps to lines of its own <text>, so compare without spaces.
          const squeeze = (t: string) => t.replace(/\s+/g, '');
          expect(squeeze(drawn.words), f.href!).toContain(squeeze(f.heading));
          expect(text, f.href!).toMatch(/>Source: [^<]{5,}</);
          expect(text, f.href!).toMatch(/>Licence: [^<]*(Open Government Licence|licence)/);

          // The PNG beside it: named like the SVG, a PNG of the SVG's size × 2, drawn with ink in
          // the title's band (the title's first line sits 16 to 33 px down the SVG).
          expect(f.png, f.heading).toEqual({
            href: f.href!.replace(/\.svg$/, '.png'),
            download: f.download!.replace(/\.svg$/, '.png'),
            text: 'image (PNG)',
          });
          const pngResponse = await page.request.get(f.png!.href);
          expect(pngResponse.status(), f.png!.href).toBe(200);
          expect(pngResponse.headers()['content-type'], f.png!.href).toBe('image/png');
          const png = await pngResponse.body();
          expect(png.subarray(0, 8).toString('latin1'), f.png!.href).toBe('\x89PNG\r\n\x1a\n');
          const [, svgWidth, svgHeight] = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(text)!;
          const size = { width: Math.round(Number(svgWidth) * 2), height: Math.round(Number(svgHeight) * 2) };
          expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, f.png!.href).toEqual(size);
          await viewer.goto(f.png!.href);
          const ink = await viewer.evaluate(() => {
            const img = document.querySelector('img')!;
            const canvas = document.createElement('canvas');
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const context = canvas.getContext('2d')!;
            context.drawImage(img, 0, 0);
            const dark = (top: number, bottom: number) => {
              const { data } = context.getImageData(0, top, canvas.width, bottom - top);
              let n = 0;
              for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 384) n++;
              return n;
            };
            return { width: img.naturalWidth, title: dark(32, 66), margin: dark(0, 20) };
          });
          expect(ink.width, f.png!.href).toBe(size.width);
          expect(ink.title, f.png!.href).toBeGreaterThan(300);
          expect(ink.margin, f.png!.href).toBe(0);
        }
      } finally {
        await viewer.context().close();
        await context.close();
      }
    });
});
