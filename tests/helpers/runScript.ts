import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The project root, for tests that run its scripts. */
export const root = join(import.meta.dirname, '..', '..');

/** Runs `scripts/<name>` with the test's Node, as `npm run` would, and returns its exit and output. */
export function runScript(
  name: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
) {
  return spawnSync(process.execPath, ['--experimental-strip-types', join(root, 'scripts', name), ...args], {
    encoding: 'utf8',
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env, NODE_NO_WARNINGS: '1' },
  });
}
