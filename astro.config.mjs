// @ts-check
import { resolve } from 'node:path';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import liveResults from './src/integrations/liveResults.ts';
import searchIndex from './src/integrations/searchIndex.ts';
import figureImages from './src/integrations/figureImages.ts';
import { claimContentStore } from './src/integrations/contentStore.ts';
import { onRolldownWarning } from './src/integrations/rolldownWarnings.ts';
import { SITE_MARKDOWN } from './src/integrations/markdownSetup.ts';
import { siteConfig } from './src/site/readSiteConfig.ts';
import { PLACEHOLDER_SITE_URL, siteLocation } from './src/site/siteLocation.ts';

// The site is fully static: every page is rendered at build time from the results JSON that
// `npm run results` writes into out/ (RESULTS_DIR), and from the MDX in content/.
// Astro's content store: one per project root and content folder, stale ones removed
// (src/integrations/contentStore.ts).
const contentFolder = resolve(process.env.CONTENT_DIR ?? 'content');
const cacheDir = `./node_modules/${claimContentStore(resolve('node_modules'), process.cwd(), contentFolder)}/`;

// Where the site is published: SITE_URL, else site.yaml's url, else a placeholder. An address with
// a path (https://example.org/swis/) sets Astro's base, and every page, file and asset is served
// under it; src/site/sitePath.ts makes the site's own links follow.
const { site, base } = process.env.SITE_URL
  ? siteLocation(process.env.SITE_URL, 'SITE_URL')
  : siteLocation(
      siteConfig().url ?? PLACEHOLDER_SITE_URL,
      `${process.env.CONTENT_DIR ?? 'content'}/site.yaml: url`,
    );

export default defineConfig({
  cacheDir,
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets and scripts are emitted as files, never inlined, so the Content-Security-Policy
  // can allow only the site's own files (src/site/contentSecurityPolicy.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // onRolldownWarning drops Astro's own MODULE_LEVEL_DIRECTIVE warning for every MDX file and keeps
  // colour codes out of logs that are not a terminal.
  // __SITE_BASE__: the base for src/site/sitePath.ts, which every site-relative address goes through.
  vite: {
    define: { __SITE_BASE__: JSON.stringify(base) },
    build: { assetsInlineLimit: 0, rolldownOptions: { onwarn: onRolldownWarning } },
  },
  // The MDX setup npm run check compiles with too (src/integrations/markdownSetup.ts).
  markdown: SITE_MARKDOWN,
  // searchIndex writes dist/search-index.json after every build, for /search/.
  integrations: [mdx(), sitemap(), liveResults(), searchIndex(), figureImages()],
});
