import { describe, expect, it } from 'vitest';
import { findComponents, findLinks } from './mdxBody.ts';
import { hasRoute, internalPath, siteRoutes } from './siteRoutes.ts';

const body = [
  'See [the trial](/findings/trial/) and <a href="/glossary/">the glossary</a>.',
  '<EstimatesTable',
  '  study="trial"',
  '  caption="A caption"',
  '/>',
  '```mdx',
  '<Estimate study="x" /> [not a link](/nowhere/)',
  '```',
  'Inline `<Estimate study="y" />` is code. <Estimate study={s} outcome="s47" analysis="adjusted" />',
].join('\n');

describe('findComponents and findLinks', () => {
  it('find tags across lines with their literal attributes, skipping code, at file lines and columns', () => {
    const uses = findComponents(body, 10);
    expect(uses.map((u) => [u.name, u.line, u.column, Object.fromEntries(u.attributes)])).toEqual([
      ['EstimatesTable', 11, 1, { study: 'trial', caption: 'A caption' }],
      ['Estimate', 18, 42, { study: null, outcome: 's47', analysis: 'adjusted' }],
    ]);
  });

  it('find markdown links and href attributes, not those in code', () => {
    expect(findLinks(body, 10)).toEqual([
      { href: '/findings/trial/', written: 'markdown', line: 10, column: 17 },
      { href: '/glossary/', written: 'attribute', line: 10, column: 42 },
    ]);
  });

  it('tell an href of a component, which adds the base path itself, from one of an HTML tag', () => {
    expect(
      findLinks('<KeyFigure label="x" href="/updates/">Words</KeyFigure> and <a href="/data/">data</a>', 1),
    ).toEqual([
      { href: '/updates/', written: 'component', line: 1, column: 22 },
      { href: '/data/', written: 'attribute', line: 1, column: 64 },
    ]);
  });
});

describe('findLinks and images', () => {
  it('tells a markdown image from a link', () => {
    expect(findLinks('![A chart](/chart.png) and [a page](/glossary/), ![x](./y.png)', 3)).toEqual([
      { href: '/chart.png', written: 'image', line: 3, column: 12 },
      { href: '/glossary/', written: 'markdown', line: 3, column: 37 },
      { href: './y.png', written: 'image', line: 3, column: 55 },
    ]);
  });
});

describe('siteRoutes', () => {
  const routes = siteRoutes(
    [
      'index.astro',
      'glossary.astro',
      'rss.xml.ts',
      'findings/[slug].astro',
      'data/[file].ts',
      'releases/[version]/[file].ts',
    ],
    { 'findings/[slug]': ['trial'] },
    ['robots.txt'],
  );

  it('knows pages, enumerated slugs, endpoints, public files and other dynamic routes', () => {
    for (const p of [
      '/',
      '/glossary/',
      '/rss.xml',
      '/findings/trial/',
      '/data/estimates.json',
      '/releases/2023-03/rates.json',
      '/robots.txt',
    ])
      expect(hasRoute(routes, p), p).toEqual({ ok: true });
    expect(hasRoute(routes, '/findings/trail/')).toEqual({ ok: false, suggestion: null });
    expect(hasRoute(routes, '/glossary')).toEqual({ ok: false, suggestion: '/glossary/' });
  });

  it('resolves relative links from the page and ignores outside ones', () => {
    expect(internalPath('../pilot/#results', '/findings/trial/')).toBe('/findings/pilot/');
    expect(internalPath('https://orca.cardiff.ac.uk/177768', '/findings/trial/')).toBeNull();
    expect(internalPath('#top', '/findings/trial/')).toBeNull();
    expect(internalPath('mailto:a@b.org', '/findings/trial/')).toBeNull();
  });
});
