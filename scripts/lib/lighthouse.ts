/**
 * Lighthouse performance, accessibility and best-practices scores for pages of a built site, for
 * `npm run bench`: serves the folder on a free port (port 0), launches Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium — never a downloaded browser) with a fresh profile, and
 * runs those three Lighthouse categories together with its defaults (mobile, simulated
 * throttling) on each page in turn.
 */
import { CHROMIUM_FLAGS } from './chromium.ts';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types a static host compresses. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg\+xml)/;

/** The categories scored pass or fail (target 1.00), beside performance. */
export const CHECKED_CATEGORIES = ['accessibility', 'best-practices'] as const;

/** One pass-or-fail category on one page: its lowest score over the runs, and the scored audits that failed in any run. */
export type CategoryCheck = {
  category: (typeof CHECKED_CATEGORIES)[number];
  score: number | null;
  failed: string[];
};

/**
 * One page's median performance score (0–1) and each run's, or null and why when it could not be
 * measured; and for accessibility and best practices, the lowest score and the scored audits that
 * failed in any run (a console error, a missing favicon, a contrast failure …).
 */
export type PageScore = {
  page: string;
  score: number | null;
  runs?: number[];
  checks?: CategoryCheck[];
  note?: string;
};

/**
 * Scores `pages` (paths of HTML files relative to `dir`, e.g. "findings/trial/index.html"), each
 * `runs` times (default 3) with the median reported: Lighthouse's simulated throttling scales by
 * the CPU it observes, so one run on a busy shared machine can be far off.
 */
export async function lighthouseScores(
  dir: string,
  pages: readonly string[],
  runs = 3,
): Promise<PageScore[]> {
  const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromePath)) {
    return pages.map((page) => ({
      page,
      score: null,
      note: `no browser at ${chromePath} (set CHROME_PATH)`,
    }));
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Text is sent gzipped when the browser asks, as static hosts (GitHub Pages, Netlify,
    // Cloudflare, S3 behind a CDN) send it, and as the bench weighs pages: uncompressed, a
    // chart-heavy page took Lighthouse's simulated slow 4G several times longer to arrive.
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  const profile = mkdtempSync(join(tmpdir(), 'swis-lighthouse-'));
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    chrome = await chromeLauncher.launch({
      chromePath,
      userDataDir: profile,
      chromeFlags: [...CHROMIUM_FLAGS],
    });
    const scores: PageScore[] = [];
    for (const page of pages) {
      const url = `http://127.0.0.1:${port}/${page
        .split(sep)
        .join('/')
        .replace(/index\.html$/, '')}`;
      const got: number[] = [];
      const checks = new Map(
        CHECKED_CATEGORIES.map((c) => [c, { scores: [] as number[], failed: new Set<string>() }]),
      );
      let error: string | undefined;
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', ...CHECKED_CATEGORIES],
        });
        const score = result?.lhr.categories['performance']?.score;
        if (typeof score === 'number') got.push(score);
        for (const [id, check] of checks) {
          const category = result?.lhr.categories[id];
          if (typeof category?.score === 'number') check.scores.push(category.score);
          for (const ref of category?.auditRefs ?? []) {
            const audit = result?.lhr.audits[ref.id];
            if (ref.weight > 0 && typeof audit?.score === 'number' && audit.score < 1)
              check.failed.add(ref.id);
          }
        }
        error ??= result?.lhr.runtimeError?.message;
      }
      got.sort((a, b) => a - b);
      const median = got.length === 0 ? null : got[Math.floor((got.length - 1) / 2)]!;
      scores.push({
        page,
        score: median,
        runs: got,
        checks: [...checks].map(([category, c]) => ({
          category,
          score: c.scores.length === 0 ? null : Math.min(...c.scores),
          failed: [...c.failed].sort(),
        })),
        ...(error ? { note: error } : {}),
      });
    }
    return scores;
  } finally {
    if (chrome) await chrome.kill();
    await new Promise((closed) => server.close(closed));
    rmSync(profile, { recursive: true, force: true });
  }
}
