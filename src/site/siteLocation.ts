/**
 * Where the site is published, from SITE_URL or else content/site.yaml's `url`: Astro's `site`
 * (the full address, for canonical links, the sitemap and the feed) and `base` (its path, which
 * every page, file and asset is served under). A site at https://example.org/swis/ has base
 * "/swis/"; at https://example.org/ the base is "/".
 */

/** The address used when neither SITE_URL nor site.yaml's `url` says where the site is published. */
export const PLACEHOLDER_SITE_URL = 'https://example.org/';

/** Astro's `site` and `base` for the address `url`; throws a sentence naming `from` for a bad one. */
export function siteLocation(url: string, from: string): { site: string; base: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `${from}: expected the address the site is published at, such as https://example.org/findings/, found ${JSON.stringify(url)}.`,
    );
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.search !== '' || parsed.hash !== '')
    throw new Error(
      `${from}: expected an http or https address with no ?query or #fragment, such as https://example.org/findings/, found ${JSON.stringify(url)}.`,
    );
  const base = parsed.pathname.endsWith('/') ? parsed.pathname : `${parsed.pathname}/`;
  return { site: `${parsed.origin}${base}`, base };
}
