import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';
import { defineConfig } from 'vitest/config';

// Two projects. `node`: every *.test.ts as plain TypeScript. `components`: *.container.test.ts,
// run through Astro's own Vite setup (astro.config.mjs: MDX, the site's defines) so they can import
// .astro components and render them with Astro's container API (`experimental_AstroContainer`),
// without building the site.
// The timeouts guard against a hang; they are not performance assertions. On two cores shared by
// two site builds, Chromium and tsc, a child process or a page waiting for the search index can
// take many times its quiet-machine time, so the limits are generous: a test (and an
// `expect.poll`, whose 1 s default failed the search tests at load 30+) fails only when stuck.
const shared = {
  environment: 'node',
  testTimeout: 180_000,
  hookTimeout: 600_000,
  expect: { poll: { timeout: 20_000 } },
} as const;
const CONTAINER_TESTS = '**/*.container.test.ts';

export default defineConfig({
  test: {
    // Vitest leaves a core free by default (one test file at a time on two cores). The slow files
    // wait on child processes (site builds, Chromium), so every core runs one; each test build of
    // the site has a project root of its own, so two run at once (tests/helpers/runScript.ts).
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['src/**/*.test.ts', 'eslint/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', CONTAINER_TESTS],
        },
      },
      getViteConfig({
        test: {
          ...shared,
          name: 'components',
          include: [`tests/${CONTAINER_TESTS}`, `src/${CONTAINER_TESTS}`],
        },
      }),
    ],
  },
});
