import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartExamples } from '../charts/chartExamples.ts';
import { chartImage } from '../charts/chartImage.ts';
import {
  encodePng,
  figurePngCacheKey,
  figurePngRasteriser,
  writeFigurePngs,
  type FigurePngRasteriser,
} from './figurePng.ts';

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** A PNG decoded by resvg's own PNG reader (not this module's code): drawn as an <image> at 1:1. */
async function decode(png: Buffer): Promise<{ width: number; height: number; pixels: Buffer }> {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" image-rendering="optimizeSpeed" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = await renderAsync(svg, { font: { loadSystemFonts: false } });
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** How many pixels in rows [top, bottom) are darker than mid-grey. */
function darkPixels(image: { width: number; pixels: Buffer }, top: number, bottom: number): number {
  let dark = 0;
  for (let i = top * image.width * 4; i < bottom * image.width * 4; i += 4)
    if (image.pixels[i]! + image.pixels[i + 1]! + image.pixels[i + 2]! < 3 * 128) dark++;
  return dark;
}

const words = {
  title: 'Referrals to social care',
  source: 'Department for Education, Children in need',
  licence: { name: 'Open Government Licence v3.0', url: 'https://example.org/ogl' },
};

let rasteriser: FigurePngRasteriser;
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'figure-png-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  rasteriser = await figurePngRasteriser();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('figurePng', () => {
  it('draws a figure image at twice its size, with its title, chart and small print in ink', async () => {
    const svg = chartImage(chartExamples['trend-lines-authority']!(), words);
    const [, w, h] = /^<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
    const png = await rasteriser.render(svg);
    expect(pngSize(png)).toEqual({ width: Math.round(Number(w) * 2), height: Math.round(Number(h) * 2) });
    const image = await decode(png);
    // Title: the band from the top margin to the first baseline (16 + 17 px, doubled) has text in it.
    expect(darkPixels(image, 32, 70)).toBeGreaterThan(500);
    // The small print at the bottom, and the chart between.
    expect(darkPixels(image, image.height - 110, image.height)).toBeGreaterThan(500);
    expect(darkPixels(image, 100, image.height - 120)).toBeGreaterThan(500);
    // The margins stay white.
    expect(darkPixels(image, 0, 20)).toBe(0);
  });

  it('draws the same bytes every time, and the cache key follows the SVG', async () => {
    const svg = chartImage(chartExamples['forest-plot-outcomes']!(), words);
    const [a, b] = await Promise.all([rasteriser.render(svg), rasteriser.render(svg)]);
    expect(a.equals(b)).toBe(true);
    expect(figurePngCacheKey(rasteriser, svg)).toBe(figurePngCacheKey(rasteriser, svg));
    expect(figurePngCacheKey(rasteriser, svg)).not.toBe(
      figurePngCacheKey(rasteriser, svg.replace('Referrals', 'R')),
    );
    const larger = await figurePngRasteriser(3);
    expect(larger.key).not.toBe(rasteriser.key);
    expect(figurePngCacheKey(larger, svg)).not.toBe(figurePngCacheKey(rasteriser, svg));
  });

  it('draws the same pixels with the fonts cut to SUBSET_CHARACTERS as with the whole font files', async () => {
    // A comment with a character the subsets lack draws nothing, but sends the figure to the
    // whole files. The title has characters that only DejaVu Sans has (arrows), so resvg's fallback
    // from font to font is drawn both ways too.
    for (const [name, example] of Object.entries(chartExamples)) {
      const svg = chartImage(example(), { ...words, title: `${words.title} → 2024–25: ≤ 5% × ½ “Ŵŷ” €10` });
      const [subset, whole] = await Promise.all([
        rasteriser.render(svg),
        rasteriser.render(svg.replace('>', '><!-- \u2603 -->')),
      ]);
      expect(subset.equals(whole), name).toBe(true);
    }
  });

  it('writes the subset fonts again when their folder is deleted under it', async () => {
    const fontDir = scratch();
    const own = await figurePngRasteriser(1, fontDir);
    const svg = chartImage(chartExamples['trend-lines-authority']!(), words);
    const before = await own.render(svg);
    rmSync(fontDir, { recursive: true, force: true });
    expect((await own.render(svg)).equals(before)).toBe(true);
    expect((await figurePngRasteriser(1, fontDir)).key).toBe(own.key);
  });

  it('finds the characters no loaded font has, and has every one the figures use', async () => {
    // Arrows come from DejaVu Sans: the Google Fonts cut of Noto Sans has none.
    expect(await rasteriser.missingGlyphs('Referrals ← Fewer · More → ≤ ≥ × − – © 10,000 (95% CI)')).toEqual(
      [],
    );
    expect(await rasteriser.missingGlyphs('A\ue001b\u0378')).toEqual(['\u0378', '\ue001']);
  });

  it('encodes pixels losslessly, as a palette at most 256 colours and as RGB above', async () => {
    for (const colours of [3, 256, 257, 300]) {
      const width = 40;
      const height = 10;
      const rgba = new Uint8Array(width * height * 4);
      for (let p = 0; p < width * height; p++)
        rgba.set([(p % colours) % 256, 60 * Math.floor((p % colours) / 256), 200, 255], p * 4);
      const png = await encodePng(rgba, width, height);
      expect(png[25], `colour type with ${colours} colours`).toBe(colours <= 256 ? 3 : 2);
      const decoded = await decode(png);
      expect(Buffer.from(decoded.pixels).equals(Buffer.from(rgba)), `${colours} colours`).toBe(true);
    }
    await expect(encodePng(new Uint8Array(4), 1, 1)).rejects.toThrow(/not opaque/);
    // A translucent pixel after the 257th colour (past the palette pass) is refused too.
    const many = new Uint8Array(300 * 4).map((_, i) =>
      i % 4 === 3 ? 255 : i % 4 === 0 ? (i / 4) % 256 : i < 1024 ? 0 : 9,
    );
    many[299 * 4 + 3] = 254;
    await expect(encodePng(many, 300, 1)).rejects.toThrow(/pixel 299 is not opaque/);
    await expect(encodePng(new Uint8Array(8), 1, 1)).rejects.toThrow(/not 1×1 RGBA/);
  });

  it('writes a PNG beside each SVG and copies it from the cache on the next build', async () => {
    const cacheDir = scratch();
    const images = new Map([
      ['findings/a/one.svg', chartImage(chartExamples['forest-plot-outcomes']!(), words)],
      ['authorities/b/two.svg', chartImage(chartExamples['trend-lines-authority']!(), words)],
    ]);
    const first = scratch();
    expect(await writeFigurePngs(images, first, rasteriser, cacheDir)).toEqual({ drawn: 2, cached: 0 });
    const second = scratch();
    expect(await writeFigurePngs(images, second, rasteriser, cacheDir)).toEqual({ drawn: 0, cached: 2 });
    for (const path of ['findings/a/one.png', 'authorities/b/two.png'])
      expect(readFileSync(join(second, path)).equals(readFileSync(join(first, path))), path).toBe(true);
    // A changed figure is drawn again, never served from the cache.
    images.set(
      'findings/a/one.svg',
      chartImage(chartExamples['forest-plot-outcomes']!(), { ...words, title: 'Changed' }),
    );
    const third = scratch();
    expect(await writeFigurePngs(images, third, rasteriser, cacheDir)).toEqual({ drawn: 1, cached: 1 });
    expect(
      readFileSync(join(third, 'findings/a/one.png')).equals(readFileSync(join(first, 'findings/a/one.png'))),
    ).toBe(false);
  });
});
