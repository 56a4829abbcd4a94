import { expect, test } from 'vitest';
import { parseSiteConfig } from './siteConfig.ts';

const good = `title: Example findings
description: What the example evaluation found.
publisher: the example evaluation team
programme: Example
evaluation: the example evaluation
citation:
  authors: [A. Researcher, B. Analyst]
  title: 'Example findings: results of the example evaluation'
  licence: CC-BY-4.0
`;

test('a complete site.yaml parses, with an empty licence list and navigation by default', () => {
  const r = parseSiteConfig('content/site.yaml', good);
  expect(r).toEqual({
    ok: true,
    config: {
      title: 'Example findings',
      description: 'What the example evaluation found.',
      publisher: 'the example evaluation team',
      programme: 'Example',
      evaluation: 'the example evaluation',
      citation: {
        authors: ['A. Researcher', 'B. Analyst'],
        title: 'Example findings: results of the example evaluation',
        licence: 'CC-BY-4.0',
      },
      licence: [],
      nav: [],
    },
  });
});

test('every missing or misspelt key is reported with the file and its line', () => {
  const r = parseSiteConfig(
    'content/site.yaml',
    good.replace('title:', 'titel:').replace('programme: Example\n', ''),
  );
  expect(r.ok).toBe(false);
  const messages = r.ok ? [] : r.problems.map((p) => p.message);
  expect(messages).toContainEqual(
    expect.stringMatching(/^content\/site\.yaml:1:1: setting "titel".*unknown/),
  );
  expect(messages).toContainEqual(expect.stringMatching(/setting "title": expected a string, found nothing/));
  expect(messages).toContainEqual(expect.stringMatching(/setting "programme"/));
});

test('text that is not YAML names the line', () => {
  const r = parseSiteConfig('content/site.yaml', 'title: a: b\n');
  expect(r.ok).toBe(false);
  expect(r.ok ? '' : r.problems[0]!.message).toMatch(
    /^content\/site\.yaml:1:\d+: site settings: expected valid YAML/,
  );
});
