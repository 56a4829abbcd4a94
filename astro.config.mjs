// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import liveResults from './src/integrations/liveResults.ts';

// The site is fully static: every page is rendered at build time from the results JSON that
// `npm run results` writes into src/generated/, and from the MDX in content/.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://swis-findings.example.org',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), liveResults()],
});
