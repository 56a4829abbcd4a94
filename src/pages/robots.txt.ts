import type { APIContext } from 'astro';
import { siteUrl } from '../site/sitePath.ts';

/** robots.txt, naming the sitemap at the address the site is published at (SITE_URL, with its path). */
export function GET(context: APIContext) {
  const sitemap = siteUrl('/sitemap-index.xml', context.site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
