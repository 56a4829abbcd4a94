// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import liveResults from './src/integrations/liveResults.ts';
import searchIndex from './src/integrations/searchIndex.ts';
import { onRolldownWarning } from './src/integrations/rolldownWarnings.ts';
import { SITE_MARKDOWN } from './src/integrations/markdownSetup.ts';

// The site is fully static: every page is rendered at build time from the results JSON that
// `npm run results` writes into src/generated/, and from the MDX in content/.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://swis-findings.example.org',
  output: 'static',
  trailingSlash: 'always',
  // Stylesheets and scripts are emitted as files, never inlined, so the Content-Security-Policy
  // can allow only the site's own files (src/site/contentSecurityPolicy.ts).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // onRolldownWarning drops Astro's own MODULE_LEVEL_DIRECTIVE warning for every MDX file and keeps
  // colour codes out of logs that are not a terminal.
  vite: { build: { assetsInlineLimit: 0, rolldownOptions: { onwarn: onRolldownWarning } } },
  // The MDX setup npm run check compiles with too (src/integrations/markdownSetup.ts).
  markdown: SITE_MARKDOWN,
  // searchIndex writes dist/search-index.json after every build, for /search/.
  integrations: [mdx(), sitemap(), liveResults(), searchIndex()],
});
