import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/site/contentSecurityPolicy.ts';
import { headersFile } from './browser/staticServer.ts';

// What a static host serves from dist/ (scripts/test.mjs builds it first): a Content-Security-
// Policy that allows only the site's own files, and markup that needs nothing more.
const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const html = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ file: f, text: readFileSync(join(dist, f), 'utf8') }));
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');

test('every page sets the Content-Security-Policy in its head, before any script or stylesheet', () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`;
  expect(html.length).toBeGreaterThan(150);
  for (const { file, text } of html) {
    const at = text.replace(/'/g, '&#39;').indexOf(meta.replace(/'/g, '&#39;'));
    expect(at, `${file} has no CSP meta tag`).toBeGreaterThan(0);
    const firstResource = text.search(/<script|<link rel="stylesheet"/);
    if (firstResource >= 0) expect(at, file).toBeLessThan(firstResource);
  }
});

test('the policy allows only the site itself', () => {
  expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
  expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
  expect(CONTENT_SECURITY_POLICY).toMatch(/img-src 'self'(;|$)/);
  expect(CONTENT_SECURITY_POLICY).toMatch(/style-src 'self'(;|$)/);
  expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  // No exceptions: no unsafe-anything (the search needs no WebAssembly), no data: or other origins.
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|data:/);
});

test('_headers sends the same policy plus frame-ancestors, and the usual headers', () => {
  const headers = headersFile(dist);
  expect(headers['Content-Security-Policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  expect(headers).toMatchObject({
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/);
});

test('no page has an inline script, a style element, a style attribute or an inline event handler', () => {
  const found: string[] = [];
  for (const { file, text } of html) {
    for (const m of text.matchAll(/<script\b([^>]*)>/g))
      if (!/\ssrc=/.test(m[1]!) && !/type="application\/(ld\+)?json"/.test(m[1]!))
        found.push(`${file}: inline <script${m[1]}>`);
    if (/<style\b/.test(text)) found.push(`${file}: <style> element`);
    for (const m of text.matchAll(/<[^>]*\sstyle="[^"]*"/g))
      found.push(`${file}: style attribute ${m[0].slice(0, 80)}`);
    for (const m of text.matchAll(/<[^>]*\son[a-z]+\s*=/gi))
      found.push(`${file}: event handler ${m[0].slice(0, 80)}`);
    if (/(href|src)="\s*javascript:/i.test(text)) found.push(`${file}: javascript: URL`);
  }
  expect(found.slice(0, 20)).toEqual([]);
  // Scripts and stylesheets are the site's own files.
  const scripts = html.flatMap(({ text }) =>
    [...text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toMatch(/^\/[^/]/);
});

test('every link to another site has rel="noopener"', () => {
  const missing: string[] = [];
  let external = 0;
  for (const { file, text } of html)
    for (const m of text.matchAll(/<a\b[^>]*\shref="(https?:)?\/\/[^"]*"[^>]*>/g)) {
      external++;
      const rel = m[0].match(/\srel="([^"]*)"/)?.[1]?.split(/\s+/) ?? [];
      if (!rel.includes('noopener')) missing.push(`${file}: ${m[0]}`);
    }
  expect(missing).toEqual([]);
  expect(external).toBeGreaterThan(150);
});

test('security.txt names a contact and an expiry in the future (RFC 9116)', () => {
  const text = readFileSync(join(dist, '.well-known/security.txt'), 'utf8');
  expect(text).toMatch(/^Contact: (mailto:|https:\/\/)\S+$/m);
  const expires = text.match(/^Expires: (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)$/m)?.[1];
  expect(expires).toBeDefined();
  // Deliberately against today's date: an expired security.txt must be renewed, so this fails then.
  expect(Date.parse(expires!)).toBeGreaterThan(Date.now());
});
