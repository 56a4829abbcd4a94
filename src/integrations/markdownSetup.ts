/**
 * How the site turns MDX into pages, in one place: astro.config.mjs gives it to Astro as
 * `markdown`, and `npm run check` compiles every MDX file with it (scripts/lib/compileMdx.ts),
 * so the check rejects exactly what the build would. Today it is Astro's default: the Sätteri
 * processor, which @astrojs/mdx compiles `.mdx` with, and Astro's Markdown defaults
 * (GitHub-flavoured Markdown, smart punctuation, Shiki for code blocks).
 */
import { satteri } from '@astrojs/markdown-satteri';

export const SITE_MARKDOWN = { processor: satteri() };
