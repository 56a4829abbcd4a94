/**
 * `npm run bench [-- --runs 3] [--quick] [--scale N] [--no-build] [--no-lighthouse] [--keep] [--seed N]`
 *
 * A benchmark, not a test: it enforces nothing, it measures. In one run it
 *  1. generates a seeded national-scale dataset (scripts/lib/nationalData.ts) in a temporary
 *     folder: 150 authorities, 20,000 pilot-format schools monthly over 24 months, a 3,400-school
 *     trial — about 1.97 million rows; `--scale N` has N times the schools (3: about 5.9 million
 *     rows, to show how memory grows with schools and rows), `--quick` a twentieth;
 *  2. alternates, `--runs` times (default 3), the floor — a bare papaparse read of the same files
 *     into row objects — the results command on them (wall time and peak RSS of the child), and
 *     a full `astro build` of the site from the demo data (results computed once into a temporary
 *     folder, so it runs from a fresh clone and leaves out/ and dist/ alone); medians are reported;
 *  3. weighs every built page (its HTML and the stylesheets it links, each gzipped), by page type,
 *     and opens the heaviest page of each type in Chromium to record the JavaScript it really
 *     loads, dynamic imports and workers included, after a search on a page with a search form
 *     (scripts/lib/loadedScripts.ts);
 *  4. runs Lighthouse (performance, accessibility and best practices) on the home, trial findings and an
 *     authority page of the last build, with Debian's Chromium (CHROME_PATH, default
 *     /usr/bin/chromium);
 *  5. prints a table and, last, one machine-readable line:
 *     `bench: rows=… parse_s=… results_s=… ratio=… peak_mb=… build_s=… pages=… max_page_kb=… max_js_kb=…`
 *     (max_page_kb is the heaviest page's HTML + CSS, max_js_kb the most JS, gzipped, that the
 *     heaviest page of any type loads in Chromium).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { LoadedScripts } from './lib/loadedScripts.ts';
import { generateNationalData } from './lib/nationalData.ts';

const root = join(import.meta.dirname, '..');
const TIME = '/usr/bin/time';

/** Child mode: the floor. Reads every CSV into row objects and keeps them until the end. */
async function parseFloor(dir: string): Promise<void> {
  const Papa = (await import('papaparse')).default;
  const kept: unknown[][] = [];
  let rows = 0;
  // Every CSV the generator wrote (the results command reads the same files); found by walking
  // the folder rather than from the contract's list, which lives beside the zod schemas that the
  // floor must not pay to load.
  const files = walk(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    kept.push(parsed.data);
    rows += parsed.data.length;
  }
  console.log(JSON.stringify({ rows, kept: kept.length }));
}

/** Wall time; CPU time (user + system, from /usr/bin/time, else NaN); peak RSS of the child. */
type Run = { seconds: number; cpuSeconds: number; peakMb: number; output: string };

/**
 * Runs a command to completion, timing it from outside, with the peak resident memory of the
 * child: from `/usr/bin/time -v` where present, else by sampling the child's VmHWM (its own
 * high-water mark) in /proc every 20 ms.
 */
async function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const useTime = existsSync(TIME);
  const started = performance.now();
  const child = useTime
    ? spawn(TIME, ['-v', command, ...args], { cwd: root, env })
    : spawn(command, args, { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let sampled = 0;
  const sampler = useTime
    ? null
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
          if (m) sampled = Math.max(sampled, Number(m[1]));
        } catch {
          // the child has exited
        }
      }, 20);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (sampler) clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${(stdout + stderr).slice(-4000)}`);
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const peakKb = m ? Number(m[1]) : sampled;
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuSeconds = user && system ? Number(user[1]) + Number(system[1]) : NaN;
  return { seconds, cpuSeconds, peakMb: peakKb / 1024, output: stdout + stderr };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function walk(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

type PageWeight = { page: string; type: string; htmlKb: number; cssKb: number; pageKb: number };

/** The address a page's file is served at: `findings/trial/index.html` → `/findings/trial/`. */
const urlPath = (page: string): string => `/${page.split(sep).join('/')}`.replace(/index\.html$/, '');

/** The kind of page, from its path: home, authority, finding, update, or the page's own name. */
function pageType(page: string): string {
  const parts = page.split(sep);
  if (parts.length === 1) return page === 'index.html' ? 'home' : page.replace(/\.html$/, '');
  const [top] = parts;
  if (parts.length === 2) return `${top} (index)`;
  return { authorities: 'authority', findings: 'finding', updates: 'update' }[top!] ?? top!;
}

/**
 * Gzipped size of each page's HTML and of the stylesheets it links (each file once). Its
 * JavaScript is measured in a browser instead (scripts/lib/loadedScripts.ts): the HTML names only
 * the first script, not what that script imports or starts later.
 */
function pageWeights(distDir: string): PageWeight[] {
  const gz = new Map<string, number>();
  const gzSize = (file: string): number => {
    let n = gz.get(file);
    if (n === undefined) gz.set(file, (n = gzipSync(readFileSync(file)).length));
    return n;
  };
  return walk(distDir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      const refs = new Set<string>();
      const add = (url: string): void => {
        if (/^(https?:)?\/\//.test(url) || url.startsWith('data:')) return;
        const clean = url.split(/[?#]/)[0] ?? '';
        const target = clean.startsWith('/') ? join(distDir, clean) : resolve(dirname(file), clean);
        if (existsSync(target) && statSync(target).isFile()) refs.add(target);
      };
      for (const m of html.matchAll(/<link\b[^>]*\brel=["']?stylesheet[^>]*>/g)) {
        const href = /\bhref=["']?([^"' >]+)/.exec(m[0]);
        if (href) add(href[1]!);
      }
      let css = 0;
      for (const r of refs) if (r.endsWith('.css')) css += gzSize(r);
      // Inline <style> and <script> are part of the HTML's own bytes.
      const htmlB = gzipSync(html).length;
      const page = relative(distDir, file);
      return {
        page,
        type: pageType(page),
        htmlKb: htmlB / 1024,
        cssKb: css / 1024,
        pageKb: (htmlB + css) / 1024,
      };
    })
    .sort((a, b) => b.pageKb - a.pageKb);
}

async function main(): Promise<number> {
  const { values: args } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string', default: '3' },
      'no-build': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'parse-floor': { type: 'string' },
      seed: { type: 'string', default: '20260101' },
      scale: { type: 'string', default: '1' },
    },
  });
  if (args['parse-floor'] !== undefined) {
    await parseFloor(args['parse-floor']);
    return 0;
  }
  const runs = Number(args.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('bench: --runs must be a whole number ≥ 1');
    return 2;
  }
  const build = !args['no-build'];
  const times = Number(args.scale);
  if (!(Number.isFinite(times) && times > 0)) {
    console.error('bench: --scale must be a number > 0');
    return 2;
  }
  // Schools per school of the national dataset.
  const scale = (args.quick ? 1 / 20 : 1) * times;
  const node = process.execPath;
  const tmp = mkdtempSync(join(tmpdir(), 'swis-bench-'));
  try {
    // 1. Data
    const t = performance.now();
    const data = join(tmp, 'data');
    const summary = generateNationalData(data, {
      seed: Number(args.seed),
      pilotSchools: Math.round(20_000 * scale),
      trialSchools: Math.round(3_400 * scale),
    });
    console.log(
      `bench: generated ${summary.rows} rows in ${data} in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    for (const [f, n] of Object.entries(summary.files))
      console.log(`  ${f.padEnd(22)} ${String(n).padStart(9)}`);

    // The site's results from the demo data, once (also measured: the statistics issue quotes it).
    const siteResults = join(tmp, 'site-out');
    const demo = build
      ? await measure(node, [
          '--experimental-strip-types',
          'scripts/results.ts',
          '--data',
          'data',
          '--out',
          siteResults,
        ])
      : null;
    if (demo)
      console.log(
        `bench: results on the demo data ${demo.seconds.toFixed(2)} s, peak ${demo.peakMb.toFixed(0)} MB`,
      );

    // 2. Alternating runs
    const floor: Run[] = [];
    const results: Run[] = [];
    const builds: Run[] = [];
    const dist = (i: number) => join(tmp, `dist-${i}`);
    for (let i = 0; i < runs; i += 1) {
      floor.push(
        await measure(node, ['--experimental-strip-types', 'scripts/bench.ts', '--parse-floor', data]),
      );
      rmSync(join(tmp, 'out'), { recursive: true, force: true });
      results.push(
        await measure(node, [
          '--experimental-strip-types',
          'scripts/results.ts',
          '--data',
          data,
          '--out',
          join(tmp, 'out'),
        ]),
      );
      const f = floor[i]!;
      const r = results[i]!;
      let line = `  run ${i + 1}: floor ${f.seconds.toFixed(2)} s (CPU ${f.cpuSeconds.toFixed(2)} s, ${f.peakMb.toFixed(0)} MB), results ${r.seconds.toFixed(2)} s (CPU ${r.cpuSeconds.toFixed(2)} s, ${r.peakMb.toFixed(0)} MB)`;
      if (build) {
        if (i > 0) rmSync(dist(i - 1), { recursive: true, force: true });
        builds.push(
          // Astro's own entry run by this Node (its bin's shebang would pick whatever `node` is on PATH).
          await measure(
            node,
            [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', dist(i)],
            {
              ...process.env,
              RESULTS_DIR: siteResults,
            },
          ),
        );
        line += `, astro build ${builds[i]!.seconds.toFixed(1)} s (${builds[i]!.peakMb.toFixed(0)} MB)`;
      }
      console.log(line);
    }
    const parseS = median(floor.map((r) => r.seconds));
    const resultsS = median(results.map((r) => r.seconds));
    const peakMb = Math.max(...results.map((r) => r.peakMb));
    const buildS = build ? median(builds.map((r) => r.seconds)) : NaN;

    // 3. Page weights, 4. Lighthouse — on the last build
    const lastDist = dist(runs - 1);
    const weights = build ? pageWeights(lastDist) : [];
    // The heaviest page of each type (weights are sorted heaviest first), opened in Chromium.
    const sampled: PageWeight[] = [];
    for (const w of weights) if (!sampled.some((x) => x.type === w.type)) sampled.push(w);
    sampled.sort((a, b) => (a.type < b.type ? -1 : 1));
    const scripts = new Map<string, LoadedScripts>();
    if (build) {
      const { loadedScripts } = await import('./lib/loadedScripts.ts');
      const urls = sampled.map((w) => urlPath(w.page));
      for (const l of await loadedScripts(lastDist, urls)) scripts.set(l.page, l);
    }
    const jsKb = (w: PageWeight) => (scripts.get(urlPath(w.page))?.gzipBytes ?? NaN) / 1024;
    let scores: import('./lib/lighthouse.ts').PageScore[] = [];
    if (build && !args['no-lighthouse']) {
      const authority = weights.find((w) => w.type === 'authority')?.page;
      const pages = [
        'index.html',
        join('findings', 'trial', 'index.html'),
        ...(authority ? [authority] : []),
      ];
      // Imported here, not at the top: the floor's child process runs this file too, and
      // should not pay for loading Lighthouse.
      const { lighthouseScores } = await import('./lib/lighthouse.ts');
      scores = await lighthouseScores(lastDist, pages);
    }

    // 5. Report
    const row = (k: string, v: string) => console.log(`  ${k.padEnd(44)} ${v}`);
    const scaleNote = scale === 1 ? '' : `${args.quick ? 'QUICK ' : ''}(${scale}× the national schools) `;
    console.log(`\nbench: ${scaleNote}medians of ${runs} alternating run(s)`);
    row('rows', String(summary.rows));
    row(
      'floor: papaparse read (s)',
      `${parseS.toFixed(2)}   [${floor.map((r) => r.seconds.toFixed(2)).join(', ')}]`,
    );
    row('floor: peak RSS (MB)', Math.max(...floor.map((r) => r.peakMb)).toFixed(0));
    row(
      'results command (s)',
      `${resultsS.toFixed(2)}   [${results.map((r) => r.seconds.toFixed(2)).join(', ')}]`,
    );
    row('results / floor (target ≤ 1.0)', (resultsS / parseS).toFixed(2));
    // CPU time is steadier than wall time on a shared machine: shown beside it, not instead.
    const parseCpu = median(floor.map((r) => r.cpuSeconds));
    const resultsCpu = median(results.map((r) => r.cpuSeconds));
    row(
      'CPU s: floor, results, ratio',
      `${parseCpu.toFixed(2)}, ${resultsCpu.toFixed(2)}, ${(resultsCpu / parseCpu).toFixed(2)}`,
    );
    row('results peak RSS (MB, target ≤ 600 at --scale 3)', peakMb.toFixed(0));
    if (build) {
      row('results on demo data (s, MB)', `${demo!.seconds.toFixed(2)}, ${demo!.peakMb.toFixed(0)}`);
      row(
        'astro build (s, target < 30)',
        `${buildS.toFixed(1)}   [${builds.map((r) => r.seconds.toFixed(1)).join(', ')}]`,
      );
      row('pages', String(weights.length));
      // html includes any inline <style>; css is linked stylesheets; js is what Chromium loaded
      // on that page (files: how many scripts), after a search where the page has a search form.
      console.log(
        `\n  ${'page type (heaviest page, gzipped KB)'.padEnd(44)} pages   html    css  html+css     js  files`,
      );
      for (const w of sampled) {
        const count = weights.filter((x) => x.type === w.type).length;
        const files = scripts.get(urlPath(w.page))?.files.length ?? 0;
        console.log(
          `  ${`${w.type} (${w.page})`.slice(0, 44).padEnd(44)} ${String(count).padStart(5)} ${w.htmlKb.toFixed(1).padStart(6)} ${w.cssKb.toFixed(1).padStart(6)} ${w.pageKb.toFixed(1).padStart(9)} ${jsKb(w).toFixed(1).padStart(6)} ${String(files).padStart(6)}`,
        );
      }
      const heaviestJs = [...scripts.values()].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
      if (heaviestJs)
        console.log(
          `\n  scripts on ${heaviestJs.page} (most JS): ${heaviestJs.files.map((f) => `${f.url} ${(f.gzipBytes / 1024).toFixed(1)}`).join(', ')}`,
        );
      if (scores.length > 0) {
        console.log(`\n  Lighthouse performance, median of 3 (target ≥ 0.95)`);
        for (const s of scores)
          row(
            `  ${s.page}`,
            s.score === null
              ? `not measured: ${s.note ?? ''}`
              : `${s.score.toFixed(2)}   [${(s.runs ?? []).map((x) => x.toFixed(2)).join(', ')}]`,
          );
        const categories = [...new Set(scores.flatMap((s) => (s.checks ?? []).map((c) => c.category)))];
        for (const category of categories) {
          console.log(`\n  Lighthouse ${category}, lowest of 3 (target 1.00)`);
          for (const s of scores) {
            const check = s.checks?.find((c) => c.category === category);
            row(
              `  ${s.page}`,
              check?.score === null || check?.score === undefined
                ? `not measured: ${s.note ?? ''}`
                : `${check.score.toFixed(2)}${check.failed.length ? `   failed: ${check.failed.join(', ')}` : ''}`,
            );
          }
        }
      }
    }
    const maxPage = weights.length > 0 ? Math.max(...weights.map((w) => w.pageKb)) : NaN;
    const maxJs = sampled.length > 0 ? Math.max(...sampled.map(jsKb)) : NaN;
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
