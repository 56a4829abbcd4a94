import { describe, expect, test } from 'vitest';
import { openPage } from './browser/browser.ts';
import { useBuiltSite } from './browser/builtSite.ts';

// Every figure's image download, on built pages with JavaScript off: the link is there, the file
// it names exists beside the page, is an SVG image a browser draws, and carries the figure's
// title, its source and its licence. scripts/test.mjs builds dist/ first.
const site = useBuiltSite();

describe('figure image downloads', () => {
  for (const path of ['/findings/trial/', '/authorities/lambeth/', '/charts/'])
    test(`${path}: every figure links an SVG image with its title, source and licence, without JavaScript`, async () => {
      const { context, page } = await openPage(site.browser, site.origin, { javaScriptEnabled: false });
      try {
        await page.goto(site.origin + path);
        const figures = await page.$$eval('figure.chart-figure', (all) =>
          all.map((f) => {
            const link = f.querySelector<HTMLAnchorElement>('a[data-figure-image]');
            const title = f.querySelector('.chart-track:not(.chart-phone) svg > title')?.textContent ?? '';
            return {
              href: link?.href ?? null,
              download: link?.getAttribute('download') ?? null,
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
          const image = await site.browser.newPage();
          await image.goto(f.href!);
          const drawn = await image.evaluate(() => {
            const root = document.documentElement;
            const words = root.textContent ?? '';
            return {
              root: root.nodeName,
              error: document.querySelector('parsererror') !== null,
              width: root.getBoundingClientRect().width,
              words,
            };
          });
          await image.close();
          expect({ root: drawn.root, error: drawn.error }, f.href!).toEqual({ root: 'svg', error: false });
          expect(drawn.width, f.href!).toBeGreaterThan(300);
          // The title wraps to lines of its own <text>, so compare without spaces.
          const squeeze = (t: string) => t.replace(/\s+/g, '');
          expect(squeeze(drawn.words), f.href!).toContain(squeeze(f.heading));
          expect(text, f.href!).toMatch(/>Source: [^<]{5,}</);
          expect(text, f.href!).toMatch(/>Licence: [^<]*(Open Government Licence|licence)/);
        }
      } finally {
        await context.close();
      }
    });
});
