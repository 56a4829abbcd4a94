import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from './browser/builtSite.ts';

// scripts/test.mjs builds dist/ first; this looks at the chart gallery in a real Chromium.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const site = useBuiltSite();

describe('the chart gallery in Chromium', () => {
  for (const path of ['/charts/', '/charts/maps/', '/authorities/', '/for-schools/', '/findings/trial/']) {
    test(`${path} has no axe violations (WCAG 2.2 AA)`, async () => {
      // axe is injected as an inline script, which the site's Content-Security-Policy rightly blocks.
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await page.goto(site.origin + path);
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(() =>
        // @ts-expect-error axe is injected above
        window.axe.run(document, {
          runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        }),
      )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[] };
      await page.close();
      expect(
        result.violations.map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join('; ')})`,
        ),
      ).toEqual([]);
    });
  }

  test('every chart on /charts/ and /charts/maps/ is a labelled image with a title, a description and a table twin', async () => {
    const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } });
    // The gallery is two pages (the maps on their own keep each under 100 KB gzipped).
    const charts = [];
    for (const path of ['/charts/', '/charts/maps/']) {
      await page.goto(site.origin + path);
      // A chart's phone layout (a second SVG, shown instead when the column is narrow) is the same chart.
      charts.push(
        ...(await page.$$eval('figure .chart-track:not(.chart-phone) > svg[role="img"]', (svgs) =>
          svgs.map((s) => ({
            id: s.id,
            title: s.querySelector('title')?.textContent ?? '',
            desc: s.querySelector('desc')?.textContent ?? '',
            labelledby: s.getAttribute('aria-labelledby'),
            box: s.closest('.chart-scroll')?.getBoundingClientRect().width ?? Infinity,
            table: s.closest('figure')?.querySelector('table caption')?.textContent ?? '',
            download:
              s.closest('figure')?.querySelector('a[download]')?.getAttribute('href')?.slice(0, 22) ?? null,
          })),
        )),
      );
    }
    await page.close();
    expect(charts.map((c) => c.id)).toEqual([
      'trial-forest',
      'trial-differences',
      'consort-trial',
      'frequencies-1000',
      'change-referrals',
      'multiples-s47-enquiries',
      'trend-cumbria-s47-enquiries',
      'map-programme',
      'map-change-s47-enquiries',
    ]);
    for (const c of charts) {
      expect(c.title.length, c.id).toBeGreaterThan(10);
      expect(c.desc.length, c.id).toBeGreaterThan(40);
      expect(c.labelledby).toBe(`${c.id}-title ${c.id}-desc`);
      expect(c.table.length, c.id).toBeGreaterThan(10);
      // The chart's scroll box fits a 375 px screen; a wide chart scrolls inside it.
      expect(c.box, c.id).toBeLessThanOrEqual(375);
      expect(c.download, c.id).toBe('data:text/csv;charset=');
    }
  });

  test('at 1280 px each map fills the text column and fits a laptop screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + '/charts/maps/');
    const maps = await page.$$eval('figure svg[role="img"]', (all) =>
      all
        .filter((svg) => svg.checkVisibility())
        .map((svg) => {
          const box = svg.closest('.chart-scroll')!.getBoundingClientRect();
          const { width, height } = svg.getBoundingClientRect();
          return {
            id: svg.id,
            share: Math.round((width / box.width) * 100) / 100,
            height: Math.round(height),
          };
        }),
    );
    await page.close();
    expect(maps).toHaveLength(2);
    for (const m of maps) {
      expect(m.share, m.id).toBeGreaterThanOrEqual(0.99);
      expect(m.height, m.id).toBeLessThanOrEqual(800);
    }
  });

  test('the page does not scroll sideways at 320 px', async () => {
    const page = await site.browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(site.origin + '/charts/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.close();
    expect(overflow).toBeLessThanOrEqual(0);
  });

  for (const width of [320, 375]) {
    test(`every chart's smallest text renders at 10 px or more at ${width} px, in a named, focusable scroll box`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      // Both pages of the gallery: the maps are on their own.
      const charts = [];
      let overflow = 0;
      for (const path of ['/charts/', '/charts/maps/']) {
        await page.goto(site.origin + path);
        charts.push(
          ...(await page.$$eval('figure svg[role="img"]', (all) =>
            all
              .filter((svg) => svg.checkVisibility())
              .map((svg) => {
                // Rendered size = computed font size × the text's scale on screen (rotation-safe).
                const sizes = [...svg.querySelectorAll('text')].map((t) => {
                  const m = t.getScreenCTM();
                  return m === null ? 0 : parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                });
                const box = svg.closest('.chart-scroll');
                const label = box?.getAttribute('aria-labelledby');
                return {
                  id: svg.id,
                  texts: sizes.length,
                  smallest: Math.round(Math.min(...sizes) * 10) / 10,
                  role: box?.getAttribute('role') ?? (box?.tagName === 'SECTION' ? 'region' : null),
                  tabindex: box?.getAttribute('tabindex'),
                  name: (label && document.getElementById(label)?.textContent?.trim()) || '',
                  boxRight: box?.getBoundingClientRect().right ?? Infinity,
                };
              }),
          )),
        );
        overflow = Math.max(
          overflow,
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        );
      }
      await page.close();
      expect(charts).toHaveLength(9);
      for (const c of charts) {
        expect(c.texts, c.id).toBeGreaterThan(0);
        expect({ id: c.id, smallest: c.smallest >= 10 ? 'at least 10 px' : `${c.smallest} px` }).toEqual({
          id: c.id,
          smallest: 'at least 10 px',
        });
        expect([c.role, c.tabindex], c.id).toEqual(['region', '0']);
        expect(c.name.length, c.id).toBeGreaterThan(5);
        expect(c.boxRight, c.id).toBeLessThanOrEqual(width);
      }
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
