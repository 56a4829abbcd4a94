/**
 * Addresses on this site, wherever it is deployed. A site published under a path
 * (SITE_URL=https://example.org/findings/) has every page, file and asset under that path, which
 * Astro calls the `base` (astro.config.mjs, siteLocation.ts). Every site-relative address in src/
 * goes through sitePath, so a link written "/glossary/" works at the root and under a path alike;
 * tests/site-paths.test.ts refuses a root-relative address written into src/ directly.
 */

// The configured base ("/swis/"), put in by the build (astro.config.mjs, vite.define) in pages and
// in the browser's bundle alike. Not import.meta.env.BASE_URL: Astro lets a BASE_URL variable in the
// environment (Vitest sets one; so might a CI runner) win over the configuration there.
declare const __SITE_BASE__: string | undefined;

/** The base path, without its trailing slash: "" at a domain's root, "/findings" under a path. */
function basePath(): string {
  return (typeof __SITE_BASE__ === 'string' ? __SITE_BASE__ : '/').replace(/\/+$/, '');
}

/**
 * The address of `path` (a path from the site's root, such as "/findings/trial/" or
 * "/data/rates.csv") as the deployed site serves it: "/findings/trial/" at a domain's root,
 * "/swis/findings/trial/" when the site is published under /swis/.
 */
export function sitePath(path: string): string {
  if (!path.startsWith('/') || path.startsWith('//'))
    throw new RangeError(
      `sitePath: expected a path from the site's root, such as "/findings/", found ${JSON.stringify(path)}`,
    );
  return `${basePath()}${path}`;
}

/** The full URL of `path` on the site at `site` (Astro.site): for canonical links, feeds and citations. */
export function siteUrl(path: string, site: URL | undefined): URL {
  if (!site) throw new RangeError('siteUrl: the site has no address; set SITE_URL or url in site.yaml');
  return new URL(sitePath(path), site.origin);
}

/** Whether `href` is a path from the site's root ("/methodology/"), which sitePath must prefix. */
export function isRootRelative(href: unknown): href is string {
  return typeof href === 'string' && href.startsWith('/') && !href.startsWith('//');
}
