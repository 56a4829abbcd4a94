/**
 * The build's site settings, from content/site.yaml (CONTENT_DIR/site.yaml when a test builds
 * from a scratch folder), read once and checked against the schema in
 * src/lib/content/siteConfig.ts. A missing file or a bad key stops the build with every problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSiteConfig, type SiteConfig } from '../lib/content/siteConfig.ts';

/** The content folder the site is built from. */
export const CONTENT_DIR = process.env.CONTENT_DIR ?? 'content';

let cache: SiteConfig | undefined;

/** The site's settings: title, description, publisher, programme name, licence lines, navigation. */
export function siteConfig(): SiteConfig {
  if (cache) return cache;
  const file = join(CONTENT_DIR, 'site.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${file}: the site needs its settings file, found none. Create it with at least title, description, publisher, programme and evaluation (see README.md, "Publishing a different evaluation").`,
    );
  }
  const parsed = parseSiteConfig(file, text);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return (cache = parsed.config);
}
