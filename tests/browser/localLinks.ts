import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A reference from one file in dist/ to another that does not resolve. */
export interface BrokenLink {
  from: string;
  url: string;
  problem: string;
}

const ids = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  let set = ids.get(file);
  if (!set) {
    const html = readFileSync(file, 'utf8');
    set = new Set([...html.matchAll(/\s(?:id|name)="([^"]+)"/g)].map((m) => m[1]!));
    ids.set(file, set);
  }
  return set;
}

/** Decodes the few entities Astro writes into attribute values. */
const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** Every URL a page refers to: href, src, srcset, poster and action attributes. */
export function urlsInHtml(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/\s(href|src|srcset|poster|action)="([^"]*)"/g)) {
    const value = unescape(m[2]!);
    if (m[1] === 'srcset')
      urls.push(
        ...value
          .split(',')
          .map((c) => c.trim().split(/\s+/)[0]!)
          .filter(Boolean),
      );
    else urls.push(value);
  }
  return urls;
}

/**
 * Checks that `url`, found in `from` (a path relative to dist/, e.g. `findings/trial/index.html`),
 * resolves to a file in dist/ when it points into the site (a local path, or an absolute URL on
 * `siteOrigin`), including its #fragment when the target is a page. Other sites' URLs, mailto:
 * and data: are not checked here. Returns the problem, or null.
 */
export function checkLink(dist: string, from: string, url: string, siteOrigin: string): string | null {
  const fromUrl = new URL(`/${from}`, siteOrigin);
  let target: URL;
  try {
    target = new URL(url, fromUrl);
  } catch {
    return 'is not a valid URL';
  }
  if (target.origin !== new URL(siteOrigin).origin) return null;
  let path: string;
  try {
    path = decodeURIComponent(target.pathname);
  } catch {
    return 'has a malformed percent-encoding';
  }
  let file = join(dist, path);
  if (path.endsWith('/')) file = join(file, 'index.html');
  else if (existsSync(file) && statSync(file).isDirectory())
    return `points at a folder without the trailing slash the site uses (${path}/)`;
  if (!existsSync(file) || !statSync(file).isFile()) return `points at ${path}, which is not in dist/`;
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment && file.endsWith('.html') && !idsIn(file).has(fragment))
    return `points at #${fragment}, which ${path} does not have`;
  return null;
}
