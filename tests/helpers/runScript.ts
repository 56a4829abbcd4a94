import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contentStore } from '../../src/integrations/contentStore.ts';

/** The project root, for tests that run its scripts. */
export const root = join(import.meta.dirname, '..', '..');

/**
 * The hang guard of a script run: one still running after this long is ended, together with
 * every process it started (build.ts's `astro build` among them: guardProcessGroup.ts), and its
 * test fails on the exit it did not make. Not a time limit: a site build took over 10 minutes on
 * two cores at load 15. A test's or hook's own timeout cannot be the guard: the script runs in
 * spawnSync, which nothing interrupts, and Vitest compares a synchronous hook's time with its
 * timeout only once it has returned (a hook of 1 s running `sleep 3` fails after 3 s).
 *
 * So a hook or test that runs scripts takes as its timeout this guard once for each script it
 * runs (`3 * HANG_GUARD_MS` for three): a limit on runs that finished, which fails none that its
 * guards let finish, so that the guard is the one limit on a build.
 */
export const HANG_GUARD_MS = 1_800_000;

/**
 * How long after the guard spawnSync stops waiting by itself: only for a process that left the
 * run's process group (a session of its own) yet kept its output pipes open, which would keep
 * spawnSync waiting after the group was ended.
 */
const BACKSTOP_MS = 60_000;

/** What every script runs under: a process group of its own, ended whole at the hang guard. */
const GUARD = join(import.meta.dirname, 'guardProcessGroup.ts');

/**
 * Runs `scripts/<name>` (or the script at an absolute path `name`) with the test's Node, as `npm
 * run` would, and returns its exit and output once it and every process it started have ended.
 * The script gets the environment a researcher's terminal would give it (buildEnv: without
 * Vitest's variables), plus `options.env`. `build.ts` runs in a project root of its own
 * (buildInOwnProject) unless `options.cwd` names one. `options.hangGuardMs` replaces the hang
 * guard (HANG_GUARD_MS), for a test of the guard itself.
 */
export function runScript(
  name: string,
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string>; hangGuardMs?: number } = {},
): SpawnSyncReturns<string> {
  if (name === 'build.ts' && options.cwd === undefined)
    return buildInOwnProject(args, options.env ?? {}, options.hangGuardMs);
  const guardMs = options.hangGuardMs ?? HANG_GUARD_MS;
  const script = resolve(root, 'scripts', name);
  const strip = '--experimental-strip-types';
  return spawnSync(
    process.execPath,
    [strip, GUARD, String(guardMs), process.execPath, strip, script, ...args],
    {
      encoding: 'utf8',
      cwd: options.cwd ?? root,
      env: { ...buildEnv(), ...options.env, NODE_NO_WARNINGS: '1' },
      timeout: guardMs + BACKSTOP_MS,
      killSignal: 'SIGKILL',
    },
  );
}

/** What a build reads from the project root besides content/, out/ and the study data (the code imports the map). */
const PROJECT_CODE = [
  'src',
  'public',
  'data/geo',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'CITATION.cff',
];

/**
 * Builds the site (scripts/build.ts, `args` as `--outDir DIR`) from a temporary project root: a
 * copy of the code (PROJECT_CODE; Astro refuses a symlinked src/) with the repository's
 * node_modules linked in. The build reads the repository's content/, out/ and data/ unless `env`
 * names other folders (CONTENT_DIR, RESULTS_DIR, DATA_DIR, RELEASES_DIR). Astro writes the
 * content modules of the folder it renders to `.astro/` under its root, and keeps its content
 * store per root and content folder (astro.config.mjs), so builds from different inputs run at
 * once (Vitest runs a test file per core) and none touches the repository's `.astro/`, which
 * ESLint and tsc read. The project and its content store are removed after the build.
 */
function buildInOwnProject(
  args: readonly string[],
  env: Record<string, string>,
  hangGuardMs: number | undefined,
): SpawnSyncReturns<string> {
  const project = mkdtempSync(join(tmpdir(), 'swis-build-'));
  const folders = {
    CONTENT_DIR: join(root, 'content'),
    RESULTS_DIR: join(root, 'out'),
    DATA_DIR: join(root, 'data'),
    RELEASES_DIR: join(root, 'data', 'releases'),
    ...env,
  };
  try {
    for (const f of PROJECT_CODE)
      if (existsSync(join(root, f))) cpSync(join(root, f), join(project, f), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'));
    return runScript('build.ts', args, { cwd: project, env: folders, hangGuardMs });
  } finally {
    rmSync(join(root, 'node_modules', contentStore(project, resolve(project, folders.CONTENT_DIR))), {
      recursive: true,
      force: true,
    });
    rmSync(project, { recursive: true, force: true });
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
