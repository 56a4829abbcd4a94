import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { codePageNames } from '../src/lib/content/siteRoutes.ts';
import { isRootRelative } from '../src/site/sitePath.ts';

// A site published under a path (SITE_URL=https://example.org/swis/) serves every page under it, so
// an address written "/glossary/" into a page would leave the site. Every site-relative address in
// src/ goes through sitePath() (src/site/sitePath.ts); this test finds one written directly.
const root = join(import.meta.dirname, '..');
const sources = (readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => /\.(astro|ts)$/.test(f) && !/\.test\.ts$/.test(f))
  .map((f) => join('src', f));

/** `href="/x"`, `src={`/x`}`, `action='/x'`, `data-index="/x"` and `.href = '/x'` (client scripts). */
const ROOT_RELATIVE =
  /\b(?:href|src|action|data-index)=(?:["']|\{\s*["'`])\/(?!\/)|\.href\s*=\s*["'`]\/(?!\/)/g;

test('no page, component or script in src/ writes a root-relative address without sitePath()', () => {
  const found: string[] = [];
  for (const file of sources) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const m of text.matchAll(ROOT_RELATIVE)) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${file}:${line}: ${text.split('\n')[line - 1]!.trim()}`);
    }
  }
  expect(found).toEqual([]);
});

test('the check finds a planted root-relative address', () => {
  const planted = [
    '<a href="/glossary/">',
    '<a href={`/findings/${id}/`}>',
    "a.href = '/x/';",
    '<form action="/search/">',
  ];
  for (const p of planted) expect(p.match(ROOT_RELATIVE), p).not.toBeNull();
  const fine = [
    '<a href={sitePath("/glossary/")}>',
    '<a href="#main">',
    '<a href="https://example.org/">',
    '<a href="//cdn">',
  ];
  for (const p of fine) expect(p.match(ROOT_RELATIVE), p).toBeNull();
});

test('a path from the root is told apart from other addresses', () => {
  expect(isRootRelative('/methodology/')).toBe(true);
  for (const href of ['#wording', 'https://example.org/', '//example.org/', 'glossary/', undefined])
    expect(isRootRelative(href)).toBe(false);
});

test('every top-level page built from code reserves its name against content pages', () => {
  const names = codePageNames([
    '404.astro',
    '[page].astro',
    'index.astro',
    'charts.astro',
    'releases/index.astro',
    'releases/[version]/[file].ts',
    'rss.xml.ts',
    'findings/[slug].astro',
  ]);
  expect([...names].sort()).toEqual(['404', 'charts', 'findings', 'releases', 'rss.xml']);
});
