/**
 * Live results for `npm run dev`: recomputes the results when a CSV in the data folder changes
 * and reloads the browser, so a researcher sees new data as they save it.
 *
 * The results command runs as a child process (the same command as `npm run results`, so dev
 * and build cannot disagree) and replaces the results folder atomically, so a data error leaves
 * the last good results in place. The error goes to the terminal and, with its file and line,
 * to Vite's error overlay in the browser, and is shown again to any page opened until the data
 * is fixed. Folders: DATA_DIR (default data/) and RESULTS_DIR (default out/).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The first `FILE:LINE[:COLUMN]` problem in the results command's error output, for the overlay. */
export function firstProblemLocation(stderr: string): { file: string; line: number; column: number } | null {
  for (const l of stderr.split('\n')) {
    const m = /^(.+?\.csv):(\d+)(?::(\d+))?:/.exec(l.trim());
    if (m) return { file: m[1] as string, line: Number(m[2]), column: Number(m[3] ?? 1) };
  }
  return null;
}

export default function liveResults(): AstroIntegration {
  let root = process.cwd();
  // Only `astro dev` recomputes live: under Vitest (NODE_ENV=test) `astro build` also runs the
  // server hooks, and would rewrite a test build's RESULTS_DIR from the repository's data; and the
  // component tests (vitest.config.ts) run Astro's dev setup inside Vitest, where they read out/
  // as it is.
  let dev = false;
  return {
    name: 'swis-live-results',
    hooks: {
      'astro:config:setup': ({ command }) => {
        dev = command === 'dev' && process.env.VITEST === undefined;
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        if (!dev) return;
        const dataDir = resolve(root, process.env.DATA_DIR ?? 'data');
        const outDir = resolve(root, process.env.RESULTS_DIR ?? 'out');
        const releasesDir = join(dataDir, 'releases');
        let running = false;
        let pending: string | null = null;
        let timer: NodeJS.Timeout | undefined;
        let lastError: Record<string, unknown> | null = null;

        const sendError = () => {
          if (lastError) server.ws.send({ type: 'error', err: lastError as never });
        };

        const run = (reason: string) => {
          if (running) {
            pending = reason;
            return;
          }
          running = true;
          logger.info(`recomputing results (${reason})`);
          const child = spawn(
            process.execPath,
            [
              '--experimental-strip-types',
              '--no-warnings',
              join(root, 'scripts/results.ts'),
              '--data',
              dataDir,
              '--out',
              outDir,
            ],
            { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
          );
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
          child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
          child.on('close', (code) => {
            running = false;
            if (code === 0) {
              lastError = null;
              logger.info(stdout.trim().split('\n').at(-1) ?? 'results written');
              // Pages read the results when their modules run: drop the source modules so they run
              // again. Sub-modules with a query (an .astro file's styles) are kept: Astro fills them
              // from the main module's compile, and they do not read the results.
              for (const env of Object.values(server.environments))
                for (const mod of env.moduleGraph.idToModuleMap.values())
                  if (mod.id && !mod.id.includes('?')) env.moduleGraph.invalidateModule(mod);
              server.ws.send({ type: 'full-reload', path: '*' });
            } else {
              const loc = firstProblemLocation(stderr);
              logger.error(
                `${stderr.trim()}\nThe last good results in ${relative(root, outDir) || outDir} are still in use.`,
              );
              lastError = {
                title: 'The data has problems',
                message: `The data has problems; the site still shows the last good results.\n\n${stderr.trim()}`,
                hint: 'Fix the file named above and save it: the results are recomputed and this page reloads by itself.',
                stack: '',
                plugin: 'swis-live-results',
                ...(loc ? { id: loc.file, loc } : {}),
              };
              sendError();
            }
            if (pending !== null) {
              const next = pending;
              pending = null;
              run(next);
            }
          });
        };

        const isDataCsv = (path: string) => {
          const abs = resolve(path);
          return (
            abs.endsWith('.csv') &&
            abs.startsWith(dataDir + sep) &&
            !abs.startsWith(releasesDir + sep) &&
            !relative(dataDir, abs)
              .split(sep)
              .some((part) => part.startsWith('.'))
          );
        };
        server.watcher.add(dataDir);
        server.watcher.on('all', (_event, path) => {
          if (!isDataCsv(path)) return;
          clearTimeout(timer);
          // Editors save in bursts (write, rename); wait for the burst to settle.
          timer = setTimeout(() => run(`${relative(root, path)} changed`), 150);
        });
        // A page opened while the data is broken still shows why.
        server.ws.on('connection', () => setTimeout(sendError, 100));
        run(existsSync(outDir) ? 'server started' : 'no results yet');
      },
    },
  };
}
