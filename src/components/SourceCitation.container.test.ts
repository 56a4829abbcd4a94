import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, expect, test } from 'vitest';
import SourceCitation from './SourceCitation.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});
// Without the source-location attributes the container adds in development (the build has none).
const render = async (props: Record<string, unknown>) =>
  (await container.renderToString(SourceCitation, { props })).replace(/ data-astro-source-\w+="[^"]*"/g, '');

test('a publication is cited as "Publisher, Title", the title linked to it', async () => {
  expect(
    await render({
      publisher: 'Department for Education',
      title: 'Children in need',
      url: 'https://example.org/cin',
    }),
  ).toBe('Department for Education, <a href="https://example.org/cin" rel="noopener">Children in need</a>');
});

test('the publisher can be left out, and a publication with no address is cited by its title', async () => {
  expect(await render({ title: 'The trial report', url: 'https://example.org/r' })).toBe(
    '<a href="https://example.org/r" rel="noopener">The trial report</a>',
  );
  expect(await render({ title: 'A letter to the team', url: null })).toBe(
    '<cite>A letter to the team</cite>',
  );
});

test('a wrong prop fails naming the component and the prop', async () => {
  await expect(render({ title: 'Report', url: 'not an address' })).rejects.toThrow(
    /<SourceCitation>: prop "url"/,
  );
  await expect(render({ title: 'Report' })).rejects.toThrow(/<SourceCitation>: prop "url"/);
});
