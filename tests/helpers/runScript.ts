import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The project root, for tests that run its scripts. */
export const root = join(import.meta.dirname, '..', '..');

/**
 * Runs `scripts/<name>` with the test's Node, as `npm run` would, and returns its exit and output.
 * The script gets the environment a researcher's terminal would give it (buildEnv: without
 * Vitest's variables), plus `options.env`.
 */
export function runScript(
  name: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  const run = () =>
    spawnSync(process.execPath, ['--experimental-strip-types', join(root, 'scripts', name), ...args], {
      encoding: 'utf8',
      cwd: options.cwd ?? root,
      env: { ...buildEnv(), ...options.env, NODE_NO_WARNINGS: '1' },
    });
  return name === 'build.ts' ? oneBuildAtATime(run) : run();
}

/**
 * Runs `build` while no other test file builds the site. Every build of the repository, whatever
 * its CONTENT_DIR, writes the content modules it renders to the one .astro/ folder, so two at once
 * (test files run in parallel) could render each other's content; they take turns. The lock is a
 * folder holding its owner's process id: one whose owner has died (a run killed midway) is taken over.
 */
function oneBuildAtATime<T>(build: () => T): T {
  const lock = join(root, 'node_modules', '.site-build-lock');
  const owner = join(lock, 'pid');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (!alive(owner)) rmSync(lock, { recursive: true, force: true });
    else Atomics.wait(pause, 0, 0, 250);
  }
  try {
    return build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Whether the process named in `file` runs (true while the file is still being written). */
function alive(file: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(file, 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The test's environment without Vitest's variables, for a build as `npm run build` runs it:
 * under Vitest (VITEST, NODE_ENV=test, MODE …) `astro build` also runs the dev server's hooks, and
 * the live-results integration then rewrites RESULTS_DIR from the repository's data mid-build.
 */
export function buildEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) => v !== undefined && !/^(VITEST|TEST$|NODE_ENV$|MODE$|DEV$|PROD$|SSR$|BASE_URL$)/.test(k),
    ),
  ) as Record<string, string>;
}
