import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { root } from '../helpers/runScript.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';

/** A built site served over HTTP, and the Chromium a test file reads it in. */
export interface BuiltSite {
  /** Where the site is served: http://127.0.0.1:PORT. */
  readonly origin: string;
  readonly browser: Browser;
}

/**
 * For the test file that calls it (at its top level): serves `dir` (by default the repository's
 * dist/, which `npm test` builds first; `options.base` as in startStaticServer) and launches
 * Chromium before its tests, and closes both after them. Read `origin` and `browser` inside tests
 * and hooks registered after this call.
 */
export function useBuiltSite(dir = join(root, 'dist'), options: { base?: string } = {}): BuiltSite {
  let server: StaticServer | undefined;
  let chromium: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startStaticServer(dir, options);
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBuiltSite: the site is served from beforeAll on');
    return value;
  };
  return {
    get origin() {
      return started(server).origin;
    },
    get browser() {
      return started(chromium).browser;
    },
  };
}
