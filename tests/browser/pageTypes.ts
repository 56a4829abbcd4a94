import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML page in a built site, as URL paths (`/`, `/findings/trial/`, `/404.html`). */
export function allPages(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => relative(dist, join(dist, f)).split('\\').join('/'))
    .map((f) =>
      f === 'index.html' ? '/' : f.endsWith('/index.html') ? `/${f.slice(0, -'index.html'.length)}` : `/${f}`,
    )
    .sort();
}

/** The file a page's URL path is served from. */
export function pageFile(dist: string, path: string): string {
  return join(dist, path.endsWith('/') ? `${path}index.html` : path);
}

/**
 * One or two pages of every type, found from dist/ itself so that new kinds of page are covered
 * without editing the tests: a page's type is its path with the last segment replaced by `*`
 * when it sits two or more levels down (`/authorities/*`, `/updates/*`), otherwise the page
 * itself (`/`, `/for-schools/`, `/search/`). From each type come the first page, the largest and
 * the one with most tables (on authority pages, one that took part in the studies).
 */
export function pageTypes(dist: string): { type: string; pages: string[] }[] {
  const byType = new Map<string, string[]>();
  for (const path of allPages(dist)) {
    const segments = path.split('/').filter(Boolean);
    const type = segments.length >= 2 && path.endsWith('/') ? `/${segments.slice(0, -1).join('/')}/*` : path;
    byType.set(type, [...(byType.get(type) ?? []), path]);
  }
  return [...byType]
    .map(([type, pages]) => {
      const most = (score: (p: string) => number) => pages.reduce((a, b) => (score(b) > score(a) ? b : a));
      const largest = most((p) => statSync(pageFile(dist, p)).size);
      const tables = most((p) => readFileSync(pageFile(dist, p), 'utf8').split('<table').length);
      return { type, pages: [...new Set([pages[0]!, largest, tables])] };
    })
    .sort((a, b) => (a.type < b.type ? -1 : 1));
}
