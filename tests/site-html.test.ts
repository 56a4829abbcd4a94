import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { expect, test } from 'vitest';
import { checkLink, urlsInHtml, type BrokenLink } from './browser/localLinks.ts';
import { allPages, pageFile } from './browser/pageTypes.ts';

// Every page in dist/ (scripts/test.mjs builds it first) is valid HTML, and every link and asset
// reference inside the site resolves to a file that is there.
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const pages = allPages(dist);
const files = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).map((f) =>
  f.split('\\').join('/'),
);
// The site's canonical origin, as astro.config.mjs sets it; absolute URLs on it are local links.
const canonical = readFileSync(pageFile(dist, '/'), 'utf8').match(
  /<link rel="canonical" href="([^"]+)"/,
)![1]!;
const siteOrigin = new URL(canonical).origin;

test(`html-validate passes on every page (${pages.length} pages)`, async () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // A page title is the researcher's title plus the site name; a long one is a matter for
      // search-engine display, not validity or accessibility.
      'long-title': 'off',
    },
  });
  const problems: string[] = [];
  for (const path of pages) {
    const report = await validator.validateString(readFileSync(pageFile(dist, path), 'utf8'), path);
    for (const r of report.results)
      for (const m of r.messages) problems.push(`${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  console.log(`html-validate: ${pages.length} pages checked, ${problems.length} problems`);
  expect(problems.slice(0, 30)).toEqual([]);
  expect(pages.length).toBeGreaterThan(150);
}, 300_000);

test('every local link and asset in dist/ resolves, fragments included', () => {
  const broken: BrokenLink[] = [];
  let checked = 0;
  const check = (from: string, url: string) => {
    checked++;
    const problem = checkLink(dist, from, url, siteOrigin);
    if (problem) broken.push({ from, url, problem });
  };
  for (const file of files) {
    const text = () => readFileSync(join(dist, file), 'utf8');
    if (file.endsWith('.html')) for (const url of urlsInHtml(text())) check(file, url);
    else if (file.endsWith('.css'))
      for (const m of text().matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) check(file, m[1]!);
    else if (file.endsWith('.xml'))
      for (const m of text().matchAll(/<(?:loc|link)>([^<]+)<\/(?:loc|link)>/g)) check(file, m[1]!);
  }
  expect(broken).toEqual([]);
  expect(checked).toBeGreaterThan(1000);
});

test('the link checker finds a broken link, a missing asset and a missing fragment', () => {
  expect(checkLink(dist, 'index.html', '/findings/trail/', siteOrigin)).toBe(
    'points at /findings/trail/, which is not in dist/',
  );
  expect(checkLink(dist, 'index.html', '/_astro/missing.css', siteOrigin)).toMatch(/not in dist/);
  expect(checkLink(dist, 'index.html', '/findings/trial/#no-such-id', siteOrigin)).toMatch(/does not have/);
  expect(checkLink(dist, 'findings/trial/index.html', '../pilot/', siteOrigin)).toBeNull();
  expect(checkLink(dist, 'index.html', '/findings', siteOrigin)).toMatch(/trailing slash/);
  expect(checkLink(dist, 'index.html', `${siteOrigin}/nowhere/`, siteOrigin)).toMatch(/not in dist/);
  expect(checkLink(dist, 'index.html', 'https://doi.org/10.1/x', siteOrigin)).toBeNull();
});
