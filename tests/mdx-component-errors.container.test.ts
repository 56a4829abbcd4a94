import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, expect, test } from 'vitest';
import Figure from '../src/components/Figure.astro';
import Estimate from '../src/components/Estimate.astro';
import Fact from '../src/components/Fact.astro';
import Rate from '../src/components/Rate.astro';
import Term from '../src/components/Term.astro';

// A mistyped key or prop in MDX fails the build with a sentence naming the MDX file, the
// component and the key. The sentence comes from the component as a page renders it, so each is
// rendered here alone with Astro's container API, with the results in out/ and the MDX file in
// `Astro.locals.contentFile` as the page sets it, instead of building a site around it.
// tests/site-build-errors.test.ts builds the site with such a mistake once, end to end.
let container: AstroContainer;
const scratch = mkdtempSync(join(tmpdir(), 'swis-component-errors-'));
beforeAll(async () => {
  container = await AstroContainer.create();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The MDX file a page would be rendering, written to a scratch content folder. */
function mdxFile(collection: string, mdx: string): string {
  const file = join(scratch, 'content', collection, 'bad.mdx');
  mkdirSync(join(scratch, 'content', collection), { recursive: true });
  writeFileSync(file, mdx);
  return file;
}
const FINDING = mdxFile(
  'findings',
  '---\ntitle: Bad\nsummary: A mistyped key.\nstudy: trial\nupdated: 2025-01-01\n---\n',
);

/** What rendering the component in the MDX file throws: the sentence the build prints. */
async function renderError(
  component: Parameters<AstroContainer['renderToString']>[0],
  props: Record<string, unknown>,
  contentFile = FINDING,
): Promise<string> {
  try {
    await container.renderToString(component, { props, locals: { contentFile } });
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the component rendered, where it should have failed');
}

test('an unknown <Estimate> key in MDX fails naming the MDX file, the component and the key', async () => {
  const message = await renderError(Estimate, { study: 'trial', outcome: 's74', analysis: 'adjusted' });
  expect(message).toContain(
    '<Estimate study="trial" outcome="s74" analysis="adjusted" scope="overall" />: no such estimate',
  );
  expect(message).toMatch(/findings\/bad\.mdx: <Estimate study="trial"/);
});

test('a bad <Figure> prop in an update fails at the file and line, naming the prop, what was expected and what was found', async () => {
  const update = mdxFile(
    'updates',
    '---\ntitle: Bad\ndate: 2024-10-02\nsummary: A mistyped chart prop.\nauthors: [Editors]\n---\n\nText.\n\n<Figure chart="trial-forest" />\n\n<Figure chart="pilot-forest" outcome="s47" colour="red" />\n',
  );
  const message = await renderError(Figure, { chart: 'pilot-forest', outcome: 's47', colour: 'red' }, update);
  expect(message).toMatch(
    /updates\/bad\.mdx:12:1: <Figure> prop "colour": expected only the props chart="pilot-forest" takes \(outcome, heading, level\), found an unknown prop; check the spelling\./,
  );
});

test('an unknown <Term> id in MDX fails naming the MDX file, the component and the id', async () => {
  const message = await renderError(Term, { id: 's74' });
  expect(message).toMatch(/findings\/bad\.mdx: <Term id="s74" \/>: no such term in the glossary/);
  expect(message).toContain('Terms that exist: referral, s17, s47');
});

test('an unknown <Rate> key in MDX fails naming the MDX file, the component and the key', async () => {
  const message = await renderError(Rate, { study: 'trial', outcome: 's47', group: 'swis', period: 'after' });
  expect(message).toMatch(
    /findings\/bad\.mdx: <Rate study="trial" outcome="s47" group="swis" period="after" scope="overall" \/>: no such rate/,
  );
  expect(message).toContain('trial/s47/swis/followup');
});

test('an unknown <Fact> id in MDX fails naming the MDX file, the component and the id', async () => {
  const message = await renderError(Fact, { id: 'trial-schools-randomized' });
  expect(message).toMatch(
    /findings\/bad\.mdx: <Fact id="trial-schools-randomized" \/>: no such fact in facts\.json/,
  );
  expect(message).toContain('trial-schools-randomised');
});
