import { describe, expect, test } from 'vitest';
import { searchDocument } from './searchDocument.ts';

const html = (main: string, title = 'Page – SWIS findings') =>
  `<!doctype html><html lang="en-GB"><head><title>${title}</title></head><body>
  <nav aria-label="Main"><a href="/">Home</a></nav>${main}<footer>About this site</footer></body></html>`;

describe('searchDocument', () => {
  test('indexes only a <main> marked data-search-body', () => {
    expect(searchDocument(html('<main id="main"><h1>Search</h1></main>'), '/search/')).toBeNull();
    expect(searchDocument(html('<main data-search-body><h1>Trial</h1><p>Found.</p></main>'), '/t/')).toEqual({
      url: '/t/',
      title: 'Trial',
      text: 'Found.',
    });
  });

  test('keeps blocks apart: a term and its definition, a heading and its paragraph, list items', () => {
    const doc = searchDocument(
      html(
        `<main data-search-body><h1>Glossary</h1><dl><dt>Section 17 assessment (child in need)</dt><dd>An assessment.</dd></dl>
         <h2>Next</h2><p>Para</p><ul><li>one</li><li>two</li></ul><p>in<em>line</em> <a href="/x/">link</a></p></main>`,
      ),
      '/glossary/',
    );
    expect(doc?.text).toBe(
      'Section 17 assessment (child in need) An assessment. Next Para one two inline link',
    );
  });

  test('leaves out regions marked data-search-ignore, SVG and hidden elements, and the h1 from the text', () => {
    const doc = searchDocument(
      html(
        `<main data-search-body><h1>Lambeth</h1><p data-search-ignore>Demonstration data.</p><p>Inner London.</p>
         <section data-search-ignore><table><caption>Rates</caption><tr><td>12.5</td></tr></table></section>
         <figure><svg><text>0</text><text>10</text></svg><figcaption>Chart caption</figcaption></figure>
         <p hidden>Hidden</p><script>var x = 1</script></main>`,
      ),
      '/authorities/lambeth/',
    );
    expect(doc).toEqual({
      url: '/authorities/lambeth/',
      title: 'Lambeth',
      text: 'Inner London. Chart caption',
    });
  });

  test('leaves out an SVG nested in another, and keeps the text between and after SVGs', () => {
    const doc = searchDocument(
      html(
        `<main data-search-body><h1>Charts</h1><svg><title>Outer</title><svg><text>1</text></svg><text>2</text>
         <svg><text>3</text></svg><text>4</text></svg><p>Between</p><svg viewBox="0 0 1 1" aria-label="a > b"><text>5</text></svg><svg role="img" /><p>After</p></main>`,
      ),
      '/charts/',
    );
    expect(doc?.text).toBe('Between After');
  });

  test('takes the title from <title> when there is no h1, and fails naming the page when there is neither', () => {
    expect(searchDocument(html('<main data-search-body><p>Text</p></main>', 'Data'), '/data/')?.title).toBe(
      'Data',
    );
    expect(() => searchDocument(html('<main data-search-body><p>x</p></main>', ''), '/bare/')).toThrow(
      /searchDocument: the page \/bare\/ has neither/,
    );
  });
});
