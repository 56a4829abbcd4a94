/**
 * The addresses the built site will have, known without building it, for checking internal
 * links: exact paths for pages and for the collections and authorities we can enumerate, and
 * one-segment patterns for any other dynamic route.
 */

/** The site's addresses. */
export interface SiteRoutes {
  exact: Set<string>;
  patterns: RegExp[];
  /** Top-level names that pages built from code take (see {@link codePageNames}). */
  reserved: Set<string>;
}

/**
 * The first segment of every address a page built from code takes (files under src/pages, e.g.
 * "charts.astro" → "charts", "releases/index.astro" → "releases", "rss.xml.ts" → "rss.xml"),
 * which a content page (content/pages/NAME.mdx at /NAME/) may not take. Dynamic segments
 * ("[page].astro") are not names.
 */
export function codePageNames(pageFiles: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of pageFiles) {
    const first = file.split('/')[0]!;
    const name = file.includes('/') ? first : first.replace(/\.(astro|md|mdx|ts|js)$/, '');
    if (name !== 'index' && !name.startsWith('[')) names.add(name);
  }
  return names;
}

/**
 * Routes from the files under src/pages (paths relative to it, e.g. "findings/[slug].astro"),
 * with the values of the dynamic segments we know (e.g. "findings/[slug]" → ["trial", …]) and
 * the files in public/. Pages end with a slash (trailingSlash: 'always'); files keep their name.
 */
export function siteRoutes(
  pageFiles: readonly string[],
  known: Readonly<Record<string, readonly string[]>>,
  publicFiles: readonly string[] = [],
): SiteRoutes {
  const exact = new Set<string>(publicFiles.map((f) => `/${f}`));
  const patterns: RegExp[] = [];
  const reserved = codePageNames(pageFiles);
  for (const file of pageFiles) {
    const route = file.replace(/\.(astro|md|mdx|ts|js)$/, '').replace(/(^|\/)index$/, '');
    const isEndpoint = /\.(ts|js)$/.test(file);
    const toPath = (r: string) =>
      isEndpoint && /\.[a-z0-9]+$/i.test(r) ? `/${r}` : `/${r}${r === '' ? '' : '/'}`;
    if (!route.includes('[')) {
      exact.add(toPath(route));
      continue;
    }
    const values = known[route];
    if (values) {
      const prefix = route.replace(/\[[^\]]+\]$/, '');
      for (const v of values) exact.add(toPath(`${prefix}${v}`));
      continue;
    }
    const source = route
      .split('/')
      .map((seg) =>
        /^\[\.\.\./.test(seg) ? '.+' : seg.replace(/\[[^\]]+\]/g, '[^/]+').replace(/\./g, '\\.'),
      )
      .join('/');
    patterns.push(new RegExp(`^/${source}/?$`));
  }
  return { exact, patterns, reserved };
}

/** The path an internal link points at, from the page at `pagePath`, or null for an outside link. */
export function internalPath(href: string, pagePath: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('#')) return null;
  const url = new URL(href, `https://site.invalid${pagePath}`);
  return decodeURI(url.pathname);
}

/** Whether the site has `path`; when not, the near miss to suggest (the path with a slash added). */
export function hasRoute(
  routes: SiteRoutes,
  path: string,
): { ok: true } | { ok: false; suggestion: string | null } {
  if (
    routes.exact.has(path) ||
    routes.patterns.some((p) => p.test(path) && (path.endsWith('/') || /\.[a-z0-9]+$/i.test(path)))
  )
    return { ok: true };
  const slashed = `${path}/`;
  const near = routes.exact.has(slashed) || routes.patterns.some((p) => p.test(slashed)) ? slashed : null;
  return { ok: false, suggestion: near };
}
