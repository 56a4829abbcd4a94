/**
 * `npm run build` (after `npm run results`): renders the site with `astro build` into
 * `dist.partial/` beside `dist/`, and puts it in place of `dist/` only when the whole build
 * succeeded. A build that fails (invalid MDX, a mistyped component key, …) leaves the last good
 * site in `dist/` byte for byte, as `npm run results` leaves `out/`; the half-built folder is
 * removed. `--outDir DIR` builds a folder other than `dist/`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { recoverInterruptedWrite, replaceFolder } from './lib/writeFolderAtomically.ts';

const { values: args } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } });
const outDir = resolve(args.outDir);
const shown = relative(process.cwd(), outDir) || outDir;
const temp = `${outDir}.partial`;
const started = performance.now();

// 1. A build killed between its two renames left dist.previous; put it back. Drop a stale partial.
recoverInterruptedWrite(outDir);

// 2. The whole site into the temporary folder, with Astro's own output and error messages.
const astro = join(import.meta.dirname, '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
// Astro's colour library also colours output that is not a terminal whenever CI is set, which fills
// CI logs and log files with escape codes; plain text there unless colour is asked for (FORCE_COLOR).
const plain = !process.stdout.isTTY && process.env.FORCE_COLOR === undefined;
const run = spawnSync(process.execPath, [astro, 'build', '--outDir', temp], {
  stdio: 'inherit',
  env: plain ? { ...process.env, NO_COLOR: '1' } : process.env,
});
if (run.status !== 0) {
  rmSync(temp, { recursive: true, force: true });
  console.error(
    `build: the site was not built, so ${shown}/ is unchanged and still holds the last good site. Fix the problem above and run \`npm run build\` again.`,
  );
  process.exit(1);
}

// 3. Publish: the new folder replaces the old one whole.
replaceFolder(temp, outDir);
const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
console.log(
  `build: ${shown}/ replaced whole with the new site (${files} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
