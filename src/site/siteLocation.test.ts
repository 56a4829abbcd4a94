import { describe, expect, it } from 'vitest';
import { siteLocation } from './siteLocation.ts';

describe('siteLocation', () => {
  it('gives a site at a domain root the base "/"', () => {
    expect(siteLocation('https://example.org', 'SITE_URL')).toEqual({
      site: 'https://example.org/',
      base: '/',
    });
  });

  it('takes the base from the path, with or without its trailing slash', () => {
    const at = { site: 'https://example.org/swis/', base: '/swis/' };
    expect(siteLocation('https://example.org/swis/', 'SITE_URL')).toEqual(at);
    expect(siteLocation('https://example.org/swis', 'SITE_URL')).toEqual(at);
    expect(siteLocation('https://example.org/a/b/', 'SITE_URL').base).toBe('/a/b/');
  });

  it('refuses what is not an http address, naming where it came from', () => {
    expect(() => siteLocation('example.org/swis', 'SITE_URL')).toThrow(
      'SITE_URL: expected the address the site is published at, such as https://example.org/findings/, found "example.org/swis".',
    );
    expect(() => siteLocation('ftp://example.org/', 'content/site.yaml: url')).toThrow(
      /^content\/site.yaml: url: expected an http or https address/,
    );
    expect(() => siteLocation('https://example.org/?x=1', 'SITE_URL')).toThrow(/no \?query or #fragment/);
  });
});
