/**
 * Writes each figure's downloadable image (title, chart, source and licence in one SVG; see
 * src/charts/chartImage.ts) as a file next to its page once the build has rendered every page:
 * <Figure> links `<file>.svg` beside the page and records the image in src/site/figureImages.ts.
 * A page that links an image the build did not record fails the build, so no download is broken.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AstroIntegration } from 'astro';
import { figureImages } from '../site/figureImages.ts';

/** Writes the recorded images under `dir`; returns how many, and any linked image left unwritten. */
export function writeFigureImages(dir: string): { written: number; missing: string[] } {
  const images = figureImages();
  for (const [path, svg] of images) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, svg);
  }
  const missing: string[] = [];
  for (const page of readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]) {
    if (!page.endsWith('.html')) continue;
    const html = readFileSync(join(dir, page), 'utf8');
    for (const m of html.matchAll(/<a [^>]*data-figure-image="([^"]+)"/g)) {
      const file = join(dir, dirname(page), m[1]!);
      if (!existsSync(file)) missing.push(relative(dir, file));
    }
  }
  return { written: images.size, missing };
}

export default function figureImagesIntegration(): AstroIntegration {
  return {
    name: 'swis-figure-images',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { written, missing } = writeFigureImages(fileURLToPath(dir));
        if (missing.length > 0)
          throw new Error(
            `figure images: ${missing.length} linked image(s) were not recorded while the pages rendered, e.g. ${missing.slice(0, 3).join(', ')}; <Figure> records each in src/site/figureImages.ts`,
          );
        logger.info(`${written} figure images (SVG) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
