/**
 * `npm run bench [-- --quick] [--runs 3] [--no-build] [--keep]`
 *
 * Generates a seeded national-scale dataset (scripts/lib/nationalData.ts) in a temporary folder,
 * then measures, alternating runs and reporting medians:
 *  (a) the floor: a bare papaparse read (header: true) of the same CSVs into row objects, in a
 *      child process;
 *  (b) the results command on that folder, as a child process: wall time and peak RSS;
 *  (c) an `astro build` of the site with the demo results (into a temporary outDir, not dist/):
 *      time, pages, and per-page weight (HTML + the CSS and JS it references, gzipped).
 * The last line is machine-readable: `bench: rows=… parse_s=… … max_js_kb=…`.
 * There are no targets enforced here; the numbers are for people to compare.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { generateNationalData } from './lib/nationalData.ts';

const CSV_FILES = [
  'authorities.csv',
  'outcomes.csv',
  'pilot/sites.csv',
  'pilot/schools.csv',
  'pilot/outcomes.csv',
  'trial/periods.csv',
  'trial/schools.csv',
  'trial/outcomes.csv',
];
const TIME = '/usr/bin/time';

/** Child mode: the floor. Reads every CSV into row objects and keeps them until the end. */
async function parseFloor(dir: string): Promise<void> {
  const Papa = (await import('papaparse')).default;
  const started = performance.now();
  const kept: unknown[][] = [];
  let rows = 0;
  for (const rel of CSV_FILES) {
    const text = readFileSync(join(dir, rel), 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    kept.push(parsed.data);
    rows += parsed.data.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const usage = process.resourceUsage();
  console.log(JSON.stringify({ rows, seconds, maxRssKb: usage.maxRSS, kept: kept.length }));
}

type Run = { seconds: number; peakMb: number | null; ok: boolean; output: string };

/** Runs a command, timing it from outside; peak RSS from /usr/bin/time -v when present. */
function measure(command: string, args: string[]): Run {
  const useTime = existsSync(TIME);
  const started = performance.now();
  const child = useTime
    ? spawnSync(TIME, ['-v', command, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - started) / 1000;
  const stderr = child.stderr ?? '';
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  let peakMb: number | null = match ? Number(match[1]) / 1024 : null;
  if (peakMb === null) {
    // Fallback: the child reports its own maxRSS in JSON (the floor does).
    const json = /\{"rows".*\}/.exec(child.stdout ?? '');
    if (json) peakMb = (JSON.parse(json[0]) as { maxRssKb: number }).maxRssKb / 1024;
  }
  return { seconds, peakMb, ok: child.status === 0, output: `${child.stdout ?? ''}${stderr}` };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
};

function walk(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

type PageWeight = { page: string; htmlKb: number; cssKb: number; jsKb: number; totalKb: number };

/** Gzipped bytes of each page's HTML and of the CSS and JS files it references. */
function pageWeights(distDir: string): PageWeight[] {
  const gz = new Map<string, number>();
  const gzSize = (file: string): number => {
    let n = gz.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(file)).length;
      gz.set(file, n);
    }
    return n;
  };
  const pages = walk(distDir).filter((f) => f.endsWith('.html'));
  return pages
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const refs = new Set<string>();
      for (const m of html.matchAll(/<(?:link|script)\b[^>]*?\b(?:href|src)=["']?([^"' >]+)/g)) {
        const url = m[1] ?? '';
        if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) continue;
        const clean = url.split(/[?#]/)[0] ?? '';
        const target = clean.startsWith('/') ? join(distDir, clean) : resolve(dirname(file), clean);
        if (existsSync(target) && statSync(target).isFile()) refs.add(target);
      }
      // JS pulled in by `import` inside inline module scripts (Astro hoists some scripts).
      for (const m of html.matchAll(/import\s*(?:[^'"]*from\s*)?["'](\/[^"']+\.js)["']/g)) {
        const target = join(distDir, m[1] ?? '');
        if (existsSync(target)) refs.add(target);
      }
      let css = 0;
      let js = 0;
      for (const r of refs) {
        if (r.endsWith('.css')) css += gzSize(r);
        else if (r.endsWith('.js') || r.endsWith('.mjs')) js += gzSize(r);
      }
      const htmlB = gzipSync(html).length;
      return {
        page: relative(distDir, file),
        htmlKb: htmlB / 1024,
        cssKb: css / 1024,
        jsKb: js / 1024,
        totalKb: (htmlB + css + js) / 1024,
      };
    })
    .sort((a, b) => b.totalKb - a.totalKb);
}

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'parse-floor': { type: 'string' },
      seed: { type: 'string', default: '20260101' },
    },
  });
  if (args['parse-floor'] !== undefined) {
    await parseFloor(args['parse-floor']);
    return 0;
  }
  const quick = args.quick;
  const runs = Number(args.runs ?? (quick ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs must be a whole number ≥ 1');
    return 2;
  }
  const scale = quick ? 20 : 1;
  const node = process.execPath;
  const tmp = mkdtempSync(join(tmpdir(), 'swis-bench-'));
  try {
    let t = performance.now();
    const summary = generateNationalData(join(tmp, 'data'), {
      seed: Number(args.seed),
      pilotSchools: Math.round(20_000 / scale),
      trialSchools: Math.round(3_400 / scale),
    });
    console.log(
      `bench: generated ${summary.rows} rows in ${tmp}/data in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    for (const [f, n] of Object.entries(summary.files))
      console.log(`  ${f.padEnd(22)} ${String(n).padStart(9)}`);

    const floor: Run[] = [];
    const results: Run[] = [];
    for (let i = 0; i < runs; i += 1) {
      const f = measure(node, [
        '--experimental-strip-types',
        'scripts/bench.ts',
        '--parse-floor',
        join(tmp, 'data'),
      ]);
      if (!f.ok) throw new Error(`floor run failed:\n${f.output}`);
      floor.push(f);
      rmSync(join(tmp, 'out'), { recursive: true, force: true });
      const r = measure(node, [
        '--experimental-strip-types',
        'scripts/results.ts',
        '--data',
        join(tmp, 'data'),
        '--out',
        join(tmp, 'out'),
      ]);
      if (!r.ok) throw new Error(`results run failed:\n${r.output.slice(0, 4000)}`);
      results.push(r);
      console.log(
        `  run ${i + 1}: parse ${f.seconds.toFixed(2)} s (${f.peakMb?.toFixed(0)} MB), results ${r.seconds.toFixed(2)} s (${r.peakMb?.toFixed(0)} MB)`,
      );
    }
    const parseS = median(floor.map((r) => r.seconds));
    const resultsS = median(results.map((r) => r.seconds));
    const peaks = results.map((r) => r.peakMb).filter((x): x is number => x !== null);
    const peakMb = peaks.length > 0 ? Math.max(...peaks) : NaN;
    const floorPeak = Math.max(...floor.map((r) => r.peakMb ?? NaN));

    let buildS = NaN;
    let weights: PageWeight[] = [];
    if (!args['no-build']) {
      t = performance.now();
      const astro = join('node_modules', '.bin', 'astro');
      const b = spawnSync(astro, ['build', '--outDir', join(tmp, 'dist')], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      });
      buildS = (performance.now() - t) / 1000;
      if (b.status !== 0)
        throw new Error(`astro build failed:\n${(b.stdout ?? '') + (b.stderr ?? '')}`.slice(0, 4000));
      weights = pageWeights(join(tmp, 'dist'));
    }

    const row = (k: string, v: string) => console.log(`  ${k.padEnd(40)} ${v}`);
    console.log(`\nbench: ${quick ? 'QUICK (1/20 scale) ' : ''}median of ${runs} run(s)`);
    row('rows', String(summary.rows));
    row('floor: papaparse read (s)', parseS.toFixed(2));
    row('floor: peak RSS (MB)', floorPeak.toFixed(0));
    row('results command (s)', resultsS.toFixed(2));
    row('results / floor (target ≤ 2.0)', (resultsS / parseS).toFixed(2));
    row('results peak RSS (MB, target ≤ 1536)', peakMb.toFixed(0));
    if (!args['no-build']) {
      row('astro build (s)', buildS.toFixed(1));
      row('pages', String(weights.length));
      console.log(`\n  ${'heaviest pages (gzipped KB)'.padEnd(48)}  html    css     js  total`);
      for (const w of weights.slice(0, 10)) {
        console.log(
          `  ${w.page.padEnd(48)} ${w.htmlKb.toFixed(1).padStart(5)} ${w.cssKb.toFixed(1).padStart(6)} ${w.jsKb.toFixed(1).padStart(6)} ${w.totalKb.toFixed(1).padStart(6)}`,
        );
      }
    }
    const maxPage = weights.length > 0 ? Math.max(...weights.map((w) => w.totalKb)) : NaN;
    const maxJs = weights.length > 0 ? Math.max(...weights.map((w) => w.jsKb)) : NaN;
    console.log(
      `bench: rows=${summary.rows} parse_s=${parseS.toFixed(2)} results_s=${resultsS.toFixed(2)} ratio=${(resultsS / parseS).toFixed(2)} peak_mb=${peakMb.toFixed(0)} build_s=${buildS.toFixed(1)} pages=${weights.length} max_page_kb=${maxPage.toFixed(1)} max_js_kb=${maxJs.toFixed(1)}`,
    );
    return 0;
  } finally {
    if (args.keep) console.error(`bench: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`bench: ${(e as Error).message}`);
    process.exitCode = 1;
  },
);
