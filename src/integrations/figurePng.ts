/**
 * PNG copies of the figure images (the standalone SVGs of src/charts/chartImage.ts: title, chart,
 * source and licence), drawn at build time so that the download needs no script and no `blob:` or
 * `data:` image source in the Content-Security-Policy.
 *
 * The rasteriser is resvg through @resvg/resvg-js. Its sibling @resvg/resvg-wasm (one WASM file,
 * no per-platform packages) draws the same pixels, but measured here it took about 1.3 s per
 * chart against 0.2 s native, and a build has some 1,300 figures; resvg-js's per-platform
 * binaries come as optional packages from the registry (no download at install) and every one is
 * named in the lockfile whatever machine writes it. `renderAsync` draws on libuv's thread pool,
 * so figures render in parallel with no worker code.
 *
 * Text is drawn only with Noto Sans from the @expo-google-fonts/noto-sans package (TrueType, which
 * resvg reads; the site's WOFF2 would not do), with system fonts off, so a figure looks the same
 * on every machine whatever fonts it has; the SVG's `system-ui, sans-serif` resolves to it as the
 * sans-serif family. A missing font file, or a font that draws no text, fails the build.
 *
 * resvg-js reads the whole file of a font again for every glyph it shapes or outlines (its font
 * database keeps file paths, not bytes, and reads without memory-mapping), so a figure's text cost
 * grows with the font files' size: with the 0.6 MB files of Noto Sans it was half of the drawing
 * time. A figure whose SVG has only characters of SUBSET_CHARACTERS is therefore drawn with subsets
 * of the same fonts cut to those characters (src/integrations/fontSubset.ts; some 60 kB each),
 * which draw the same pixels (for these characters the subsets have the same glyphs, kerning,
 * substitutions and names, and each font has the same of them as before, so resvg's fallback from
 * font to font picks the same one); any other figure, and missingGlyphs(), use the whole files.
 *
 * resvg writes 8-bit RGBA with light compression; the pixels are re-encoded losslessly, as a
 * palette image when a figure has at most 256 colours and as RGB otherwise, at zlib's default
 * level 6: under half resvg's bytes. (pngjs, the usual encoder, writes no palettes; this is thirty
 * lines over node:zlib.) Level 9 saved only 4.5% more, for three times the CPU: over 182 of the
 * site's figures, 15.3 MB against 16.0 MB, and 121 against 38 ms of encoding per figure beside
 * resvg's 90 ms of drawing (a build draws some 1,300 figures into an empty cache).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflate } from 'node:zlib';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { fontSubsetter, subsetFonts } from './fontSubset.ts';
import { writeWhole } from '../../scripts/lib/writeWhole.ts';

/** Stated defaults: twice the SVG's size (sharp on high-density screens and in slides). */
export const figurePngDefaults = { scale: 2, fontFamily: 'Noto Sans', deflateLevel: 6 } as const;

/** Bumped when the encoding below changes, so cached images drawn the old way are not reused. */
const ENCODER_VERSION = 2;
// The weights and styles the charts use (400, 400 italic, 600, 700), then DejaVu Sans for the
// glyphs this Noto Sans lacks (its Google Fonts cut has no arrows: ← →); resvg falls back per
// character to a loaded font that has it, and missingGlyphs() finds any that none has.
const FONTS = [
  { pkg: '@expo-google-fonts/noto-sans', file: '400Regular/NotoSans_400Regular.ttf' },
  { pkg: '@expo-google-fonts/noto-sans', file: '400Regular_Italic/NotoSans_400Regular_Italic.ttf' },
  { pkg: '@expo-google-fonts/noto-sans', file: '600SemiBold/NotoSans_600SemiBold.ttf' },
  { pkg: '@expo-google-fonts/noto-sans', file: '700Bold/NotoSans_700Bold.ttf' },
  { pkg: 'dejavu-fonts-ttf', file: 'ttf/DejaVuSans.ttf' },
];
// The characters the subset fonts keep (Unicode blocks: Basic Latin, Latin-1 Supplement, Latin
// Extended-A, General Punctuation, Superscripts and Subscripts, Currency Symbols, Letterlike
// Symbols, Arrows, Mathematical Operators), besides the tab and line breaks that are only space.
const SUBSET_CHARACTERS: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2000, 0x206f],
  [0x2070, 0x209f],
  [0x20a0, 0x20cf],
  [0x2100, 0x214f],
  [0x2190, 0x21ff],
  [0x2200, 0x22ff],
];
const hex = (c: number) => `\\u{${c.toString(16)}}`;
/** A character the subset fonts do not keep. */
const outsideSubset = new RegExp(
  `[^\\t\\n\\r${SUBSET_CHARACTERS.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`,
  'u',
);

const require = createRequire(import.meta.url);

/** A configured rasteriser: `key` names everything besides the SVG that decides the PNG's bytes. */
export type FigurePngRasteriser = {
  scale: number;
  key: string;
  render(svg: string): Promise<Buffer>;
  /** The characters of `text` that no loaded font has (they would be drawn as boxes). */
  missingGlyphs(text: string): Promise<string[]>;
};

/** The font files, or an error saying which is missing and what to do. */
function fontFiles(): string[] {
  const files: string[] = [];
  const problems: string[] = [];
  for (const { pkg, file } of FONTS) {
    let root: string;
    try {
      root = dirname(require.resolve(`${pkg}/package.json`));
    } catch {
      problems.push(`the package ${pkg} is not installed`);
      continue;
    }
    const path = join(root, file);
    if (existsSync(path)) files.push(path);
    else problems.push(`${pkg} has no ${file}`);
  }
  if (problems.length > 0)
    throw new Error(
      `figure PNGs: ${[...new Set(problems)].join('; ')}. Run npm install; if a package changed its layout, update FONTS in src/integrations/figurePng.ts. (PNG figures are drawn only with these fonts, never the machine's, so they look the same everywhere.)`,
    );
  return files;
}

function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}

/**
 * The rasteriser at `scale`, checked once: it must draw text (a font that loaded under another
 * family name would otherwise give figures with no words).
 */
export async function figurePngRasteriser(
  scale: number = figurePngDefaults.scale,
  fontDir: string = join(figurePngCacheDir(), 'fonts'),
): Promise<FigurePngRasteriser> {
  if (!(scale > 0 && scale <= 8))
    throw new RangeError(`figurePngRasteriser: scale must be in (0, 8], got ${scale}`);
  const files = fontFiles();
  const fonts = files.map((f) => readFileSync(f));
  const subsets = await subsetFontFiles(fontDir, fonts);
  const withFonts = (fontFiles: string[]): ResvgRenderOptions => ({
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: figurePngDefaults.fontFamily,
      sansSerifFamily: figurePngDefaults.fontFamily,
    },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    logLevel: 'off',
  });
  const options = withFonts(files);
  const subsetOptions = withFonts(subsets.map(({ file }) => file));
  // Written again before each drawing if gone (a cache folder deleted under a running server):
  // resvg would draw the figure with no words rather than fail.
  const restoreSubsets = () => {
    for (const { file, bytes } of subsets) if (!existsSync(file)) writeWhole(file, bytes);
  };
  const resvgVersion = (require('@resvg/resvg-js/package.json') as { version: string }).version;
  const key = sha256(
    `resvg-js ${resvgVersion}`,
    `encoder ${ENCODER_VERSION} zlib ${process.versions.zlib} level ${figurePngDefaults.deflateLevel}`,
    JSON.stringify({ ...options, font: { ...options.font, fontFiles: FONTS } }),
    ...fonts,
    `subsets of ${JSON.stringify(SUBSET_CHARACTERS)}`,
    ...subsets.map(({ bytes }) => bytes),
  );
  const render = async (svg: string): Promise<Buffer> => {
    const subset = drawsOnlySubsetCharacters(svg);
    if (subset) restoreSubsets();
    const image = await renderAsync(svg, subset ? subsetOptions : options);
    return encodePng(image.pixels, image.width, image.height);
  };
  for (const [which, o] of [
    ['FONTS', options],
    ['their subsets', subsetOptions],
  ] as const) {
    const probe = await renderAsync(
      `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" font-family="system-ui, sans-serif"><text x="2" y="16" font-size="16">Hg</text></svg>`,
      o,
    );
    if (!probe.pixels.some((v, i) => i % 4 !== 3 && v < 128))
      throw new Error(
        `figure PNGs: the fonts (${which}) loaded but drew no text; check that the first is named "${figurePngDefaults.fontFamily}" (FONTS in src/integrations/figurePng.ts)`,
      );
  }
  const missingGlyphs = async (text: string): Promise<string[]> => {
    // Each character in a cell of its own, beside a private-use character no font has: a
    // character drawn exactly as that one is drawn as the fonts' "missing glyph" box (and one
    // drawn as nothing at all is missing too).
    const chars = [...new Set(text)].filter((c) => c.trim() !== '').sort();
    const cell = 24;
    const cells = ['\ue000', ...chars]
      .map(
        (c, i) =>
          `<text x="${i * cell + 4}" y="18" font-size="16">${c.replace('&', '&amp;').replace('<', '&lt;')}</text>`,
      )
      .join('');
    const width = (chars.length + 1) * cell;
    const image = await renderAsync(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${cell}" font-family="system-ui, sans-serif">${cells}</svg>`,
      { ...options, fitTo: { mode: 'zoom', value: 1 } },
    );
    // A cell's pixels, row by row (compared as bytes: a site's text has some hundred characters).
    // `pixels` copies the whole image out of resvg at every read, so it is read once.
    const pixels = image.pixels;
    const column = (i: number) =>
      Buffer.concat(
        Array.from({ length: image.height }, (_, y) =>
          pixels.subarray((y * image.width + i * cell) * 4, (y * image.width + (i + 1) * cell) * 4),
        ),
      );
    const box = column(0);
    const blank = Buffer.alloc(cell * cell * 4, 255);
    return chars.filter((_, i) => {
      const drawn = column(i + 1);
      return drawn.equals(box) || drawn.equals(blank);
    });
  };
  return { scale, key, render, missingGlyphs };
}

/**
 * The subsets of `fonts` to SUBSET_CHARACTERS as files under `dir` (resvg-js loads fonts only from
 * files), each named by what it is cut from: cut once, then read back.
 */
async function subsetFontFiles(dir: string, fonts: Buffer[]): Promise<{ file: string; bytes: Buffer }[]> {
  const codePoints = SUBSET_CHARACTERS.flatMap(([from, to]) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i),
  );
  const cutBy = [fontSubsetter(), JSON.stringify(SUBSET_CHARACTERS)];
  const files = fonts.map((font) => join(dir, `${sha256(...cutBy, font)}.ttf`));
  const missing = files.flatMap((file, i) => (existsSync(file) ? [] : [i]));
  const cut = await subsetFonts(
    missing.map((i) => fonts[i]!),
    codePoints,
  );
  missing.forEach((i, j) => writeWhole(files[i]!, cut[j]!));
  return files.map((file) => ({ file, bytes: readFileSync(file) }));
}

/**
 * Whether every character `svg` could draw is one the subset fonts keep. The whole source is read
 * and its references decoded, so a character in a title or an attribute only sends the figure to
 * the whole fonts; so does an entity other than XML's five (a DTD could define it as anything).
 */
function drawsOnlySubsetCharacters(svg: string): boolean {
  if (outsideSubset.test(svg)) return false;
  for (const [, name] of svg.matchAll(/&([^;&\s]*);/g)) {
    const number = /^#(?:x([0-9a-f]+)|(\d+))$/i.exec(name!);
    if (number === null) {
      if (!['amp', 'lt', 'gt', 'quot', 'apos'].includes(name!)) return false;
      continue;
    }
    const code = number[1] !== undefined ? parseInt(number[1], 16) : Number(number[2]);
    if (!(code <= 0x10ffff) || outsideSubset.test(String.fromCodePoint(code))) return false;
  }
  return true;
}

/** The cache key of one figure's PNG: the SVG's bytes and everything else that decides the output. */
export function figurePngCacheKey(rasteriser: FigurePngRasteriser, svg: string): string {
  return sha256(rasteriser.key, svg);
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An opaque RGBA image as a PNG: 8-bit palette when it has at most 256 colours, else 8-bit RGB;
 * rows unfiltered, zlib at `figurePngDefaults.deflateLevel`. Palette order is first appearance, so
 * the bytes are a function of the pixels alone.
 */
export async function encodePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (rgba.length !== width * height * 4)
    throw new RangeError(`encodePng: ${rgba.length} bytes is not ${width}×${height} RGBA pixels`);
  // Each pixel is read as one big-endian word, 0xRRGGBBAA, so that a colour is one number: the
  // loops below then take half the time of reading and comparing it byte by byte.
  const words = new DataView(rgba.buffer, rgba.byteOffset, rgba.length);
  const notOpaque = (p: number) => new RangeError(`encodePng: pixel ${p} is not opaque`);
  // One pass gives each pixel its palette index until a 257th colour shows the image needs RGB.
  // Neighbouring pixels mostly share a colour, so the last one is remembered (and was opaque).
  const pixels = width * height;
  const palette = new Map<number, number>();
  const indices = new Uint8Array(pixels);
  let last = -1;
  let lastIndex = 0;
  let p = 0;
  for (; p < pixels; p++) {
    const colour = words.getUint32(p * 4);
    if (colour !== last) {
      if ((colour & 255) !== 255) throw notOpaque(p);
      let index = palette.get(colour);
      if (index === undefined) {
        if (palette.size === 256) break;
        index = palette.size;
        palette.set(colour, index);
      }
      last = colour;
      lastIndex = index;
    }
    indices[p] = lastIndex;
  }
  const indexed = p === pixels;
  const stride = 1 + width * (indexed ? 1 : 3);
  const raw = Buffer.alloc(height * stride); // each row starts with filter type 0 (none)
  if (indexed)
    for (let y = 0; y < height; y++) raw.set(indices.subarray(y * width, (y + 1) * width), y * stride + 1);
  else {
    let alpha = 255; // every pixel's alpha, and-ed: 255 only when all are opaque
    for (let y = 0, i = 0; y < height; y++)
      for (let x = 0, o = y * stride + 1; x < width; x++, i += 4, o += 3) {
        const colour = words.getUint32(i);
        alpha &= colour;
        raw[o] = colour >>> 24;
        raw[o + 1] = colour >>> 16;
        raw[o + 2] = colour >>> 8;
      }
    if (alpha !== 255) throw notOpaque((rgba.findIndex((v, i) => i % 4 === 3 && v !== 255) - 3) / 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, indexed ? 3 : 2, 0, 0, 0], 8);
  const plte = Buffer.alloc(palette.size * 3);
  if (indexed)
    for (const [colour, i] of palette)
      plte.set([colour >>> 24, (colour >>> 16) & 255, (colour >>> 8) & 255], i * 3);
  const data = await promisify(deflate)(raw, { level: figurePngDefaults.deflateLevel });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(indexed ? [chunk('PLTE', plte)] : []),
    chunk('IDAT', data),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Where drawn PNGs are kept between builds: beside the installed rasteriser, in node_modules/.cache. */
export function figurePngCacheDir(): string {
  return join(
    dirname(require.resolve('@resvg/resvg-js/package.json')),
    '..',
    '..',
    '.cache',
    'swis-figure-png',
  );
}

/**
 * One figure's PNG: from `cacheDir` when this SVG was drawn before with the same rasteriser, else
 * drawn and cached (written whole: scripts/lib/writeWhole.ts).
 */
export async function cachedFigurePng(
  rasteriser: FigurePngRasteriser,
  svg: string,
  cacheDir: string = figurePngCacheDir(),
): Promise<{ png: Buffer; cached: boolean }> {
  const cacheFile = join(cacheDir, `${figurePngCacheKey(rasteriser, svg)}.png`);
  if (existsSync(cacheFile)) return { png: readFileSync(cacheFile), cached: true };
  const png = await rasteriser.render(svg);
  writeWhole(cacheFile, png);
  return { png, cached: false };
}

/**
 * Writes `<name>.png` under `dir` beside each figure image `<name>.svg` in `images` (site path to
 * SVG text), a few at a time: resvg draws on libuv's thread pool.
 */
export async function writeFigurePngs(
  images: ReadonlyMap<string, string>,
  dir: string,
  rasteriser: FigurePngRasteriser,
  cacheDir: string = figurePngCacheDir(),
): Promise<{ drawn: number; cached: number }> {
  const queue = [...images];
  const counts = { drawn: 0, cached: 0 };
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [path, svg] = next;
      const { png, cached } = await cachedFigurePng(rasteriser, svg, cacheDir);
      const file = join(dir, path.replace(/\.svg$/, '.png'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, png);
      counts[cached ? 'cached' : 'drawn']++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  return counts;
}
