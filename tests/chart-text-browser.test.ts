import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from './browser/builtSite.ts';
import { pageTypes } from './browser/pageTypes.ts';

// Every chart the built site shows, on pages of every type, at a phone, a small phone and a wide
// screen: no figure's scroll box scrolls sideways (the chart fits the column whole), no text
// element drawn outside its chart's box (a clipped or cut-off label), and no text
// rendered smaller than 11 CSS px (to 0.05 px: a scale of 0.9999 is not a smaller font). Only the layout a reader sees is measured: a chart with a phone
// layout carries both, and CSS shows one. scripts/test.mjs builds dist/ first.
const dist = join(import.meta.dirname, '..', 'dist');
const widths = [320, 375, 1280];
const site = useBuiltSite();

/** What is wrong with each visible chart on the page: text outside its SVG's box, or under 11 px. */
type ChartText = { id: string; texts: number; outside: string[]; small: string[] };

const pages = pageTypes(dist).flatMap((t) => t.pages);

describe('chart text in Chromium', () => {
  test('the built site has charts on several page types', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  for (const path of pages)
    test(`${path}: every chart fits its box without sideways scroll, its text inside it at 11 px or more, at ${widths.join(', ')} px`, async () => {
      const problems: string[] = [];
      // One load, laid out again at each width: the site's layout is CSS alone (media and container
      // queries, which a resize re-evaluates), so this is the page a reader loading it at that width sees.
      const page = await site.browser.newPage({ viewport: { width: widths[0]!, height: 900 } });
      await page.goto(site.origin + path);
      for (const width of widths) {
        await page.setViewportSize({ width, height: 900 });
        expect(await page.evaluate(() => window.innerWidth)).toBe(width);
        // A box wider inside than out scrolls sideways: the reader sees part of the chart.
        const scrolling: string[] = await page.$$eval('.chart-scroll', (boxes) =>
          boxes
            .filter((b) => b.scrollWidth > b.clientWidth)
            .map(
              (b) => `${b.querySelector('svg.chart')?.id}: ${b.scrollWidth} px in a ${b.clientWidth} px box`,
            ),
        );
        for (const s of scrolling) problems.push(`${width} px, #${s} (scrolls sideways)`);
        const charts: ChartText[] = await page.$$eval('svg.chart', (all) =>
          all
            .filter((svg) => svg.checkVisibility())
            .map((svg) => {
              const box = svg.getBoundingClientRect();
              const texts = [...svg.querySelectorAll('text')].filter(
                (t) => (t.textContent ?? '').trim() !== '',
              );
              const label = (t: Element) => JSON.stringify((t.textContent ?? '').trim().slice(0, 40));
              const outside = texts
                .filter((t) => {
                  const b = t.getBoundingClientRect();
                  // Half a pixel for anti-aliasing and the rounding of coordinates to 0.1 px.
                  return (
                    b.left < box.left - 0.5 ||
                    b.right > box.right + 0.5 ||
                    b.top < box.top - 0.5 ||
                    b.bottom > box.bottom + 0.5
                  );
                })
                .map(label);
              // Rendered size = computed font size × the text's scale on screen (rotation-safe).
              const small = texts
                .map((t) => {
                  const m = (t as SVGTextElement).getScreenCTM();
                  const px = m === null ? 0 : parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
                  return { t, px };
                })
                .filter(({ px }) => px < 10.95)
                .map(({ t, px }) => `${label(t)} at ${px.toFixed(1)} px`);
              return { id: svg.id, texts: texts.length, outside, small };
            }),
        );
        for (const c of charts) {
          for (const o of c.outside) problems.push(`${width} px, #${c.id}: ${o} lies outside the chart`);
          for (const s of c.small) problems.push(`${width} px, #${c.id}: ${s}`);
        }
      }
      await page.close();
      // A page without charts passes trivially; the last test makes sure charts are measured.
      expect(problems).toEqual([]);
    });

  test('charts are measured at all: the trial finding and an authority page have visible chart text', async () => {
    const counts: number[] = [];
    for (const path of [
      '/findings/trial/',
      pages.find((p) => p.startsWith('/authorities/') && p !== '/authorities/')!,
    ]) {
      const page = await site.browser.newPage({ viewport: { width: 375, height: 900 } });
      await page.goto(site.origin + path);
      counts.push(
        await page.$$eval('svg.chart', (all) =>
          all.filter((s) => s.checkVisibility()).reduce((n, s) => n + s.querySelectorAll('text').length, 0),
        ),
      );
      await page.close();
    }
    for (const n of counts) expect(n).toBeGreaterThan(10);
  });
});
