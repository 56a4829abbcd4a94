import { spawnSync } from 'node:child_process';
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
  return spawnSync(process.execPath, ['--experimental-strip-types', join(root, 'scripts', name), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? root,
    env: { ...buildEnv(), ...options.env, NODE_NO_WARNINGS: '1' },
  });
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
