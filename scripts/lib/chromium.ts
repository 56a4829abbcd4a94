/**
 * Debian's Chromium (apt-get install chromium), never a browser a package downloads, and the
 * flags it needs on these machines: headless as root, and no background connections, which the
 * closed network here refuses. Used by the browser tests, the screenshots and Lighthouse.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
