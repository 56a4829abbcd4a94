import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** A running static server: its origin (http://127.0.0.1:PORT) and how to stop it. */
export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The headers a `_headers` file (Netlify / Cloudflare Pages format) sets for every path (`/*`),
 * so that tests see what such a host would send, including the Content-Security-Policy.
 */
export function headersFile(dir: string): Record<string, string> {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let all = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) all = line.trim() === '/*';
    else if (all && line.includes(':')) {
      const i = line.indexOf(':');
      headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return headers;
}

/**
 * Serves the folder `dir` (a built site) the way a static host does: `/path/` → path/index.html,
 * unknown paths → 404.html with status 404, the `_headers` file applied. With `base` (such as
 * "/swis/") the site is served under that path only, as when it is published under a path: every
 * address outside it is a bare 404 with nothing of the site. Listens on port 0 on the loopback
 * interface (other people's servers run on this machine too) and reports the port it got.
 */
export async function startStaticServer(dir: string, options: { base?: string } = {}): Promise<StaticServer> {
  const extra = headersFile(dir);
  const base = options.base ?? '/';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end("Not found: nothing is served outside the site's base path.");
      return;
    }
    let path: string;
    try {
      path = normalize(decodeURIComponent(`/${url.pathname.slice(base.length)}`));
    } catch {
      path = '/';
    }
    let file = join(dir, path);
    if (!file.startsWith(dir)) file = join(dir, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = join(dir, '404.html');
    }
    res.writeHead(status, { ...extra, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
