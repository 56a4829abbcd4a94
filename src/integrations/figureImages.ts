/**
 * Writes each figure's downloadable image (title, chart, source and licence in one SVG; see
 * src/charts/chartImage.ts), and a PNG of it, as files next to its page once the build has
 * rendered every page: <Figure> links `<file>.svg` and `<file>.png` beside the page and records
 * the image in src/site/figureImages.ts.
 * A page that links an image the build did not record fails the build, so no download is broken.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AstroIntegration } from 'astro';
import type { Connect } from 'vite';
import { figureImages } from '../site/figureImages.ts';
import {
  cachedFigurePng,
  figurePngRasteriser,
  writeFigurePngs,
  type FigurePngRasteriser,
} from './figurePng.ts';

/**
 * Writes the recorded images under `dir`, each as SVG and as PNG (src/integrations/figurePng.ts);
 * returns how many, and any linked image left unwritten.
 */
export async function writeFigureImages(
  dir: string,
): Promise<{ written: { svg: number; png: { drawn: number; cached: number } }; missing: string[] }> {
  const images = figureImages();
  for (const [path, svg] of images) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, svg);
  }
  const rasteriser = await figurePngRasteriser();
  await refuseMissingGlyphs(images, rasteriser);
  const png = await writeFigurePngs(images, dir, rasteriser);
  const missing: string[] = [];
  for (const page of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
    if (!page.endsWith('.html')) continue;
    const html = readFileSync(join(dir, page), 'utf8');
    for (const m of html.matchAll(/<a [^>]*data-figure-image="([^"]+)"/g)) {
      const file = join(dir, dirname(page), m[1]!);
      if (!existsSync(file)) missing.push(relative(dir, file));
    }
  }
  return { written: { svg: images.size, png }, missing };
}

/** Fails when a figure has a character the PNG fonts lack, naming it and a figure that uses it. */
async function refuseMissingGlyphs(images: ReadonlyMap<string, string>, rasteriser: FigurePngRasteriser) {
  const texts = new Map<string, string>();
  for (const [path, svg] of images)
    texts.set(path, [...svg.matchAll(/>([^<]+)</g)].map((m) => decodeXml(m[1]!)).join(' '));
  const missing = await rasteriser.missingGlyphs([...texts.values()].join(''));
  if (missing.length === 0) return;
  const described = missing.map((c) => {
    const where = [...texts].find(([, text]) => text.includes(c))![0];
    return `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, e.g. in ${where})`;
  });
  throw new Error(
    `figure images: no PNG font has ${described.join(', ')}; add a font that has it to FONTS in src/integrations/figurePng.ts, or use another character`,
  );
}

function decodeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
    );
}

/**
 * `npm run dev` writes no files, so its server answers for them: the SVG as the page recorded it
 * when it rendered, the PNG drawn on request (through the same cache as the build).
 */
function serveFigureImages(base: string): Connect.NextHandleFunction {
  let rasteriser: Promise<FigurePngRasteriser> | undefined;
  return (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').replace(/[?#].*$/, ''));
    if (!path.startsWith(base) || !/\.(svg|png)$/.test(path)) return next();
    const svg = figureImages().get(path.slice(base.length).replace(/\.png$/, '.svg'));
    if (svg === undefined) return next();
    if (path.endsWith('.svg')) {
      res.setHeader('Content-Type', 'image/svg+xml');
      res.end(svg);
      return;
    }
    (rasteriser ??= figurePngRasteriser())
      .then((r) => cachedFigurePng(r, svg))
      .then(({ png }) => {
        res.setHeader('Content-Type', 'image/png');
        res.end(png);
      })
      .catch(next);
  };
}

export default function figureImagesIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'swis-figure-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/*$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveFigureImages(base));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { written, missing } = await writeFigureImages(fileURLToPath(dir));
        if (missing.length > 0)
          throw new Error(
            `figure images: ${missing.length} linked image(s) were not recorded while the pages rendered, e.g. ${missing.slice(0, 3).join(', ')}; <Figure> records each in src/site/figureImages.ts`,
          );
        logger.info(
          `${written.svg} figure images (SVG) and ${written.png.drawn + written.png.cached} PNGs (${written.png.drawn} drawn, ${written.png.cached} from the cache) in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
