/**
 * What the search indexes of one built page: the text of its <main>, when the layout marked it
 * searchable (`data-search-body`, src/layouts/Base.astro), less any region marked
 * `data-search-ignore` (data tables, the demonstration-data notice, an authority's official
 * figures). Pages without the marker (the search page itself, the 404 page) are not indexed.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { SearchDocument } from './searchOptions.ts';

/** The attribute that makes a page's <main> searchable, and the one that leaves a region out. */
export const SEARCH_BODY = 'data-search-body';
export const SEARCH_IGNORE = 'data-search-ignore';

// hast names data attributes in camel case (data-search-body → dataSearchBody).
const BODY_PROPERTY = 'dataSearchBody';
const IGNORE_PROPERTY = 'dataSearchIgnore';

const isElement = (n: Root | RootContent | ElementContent): n is Element => n.type === 'element';

function find(node: Root | Element, test: (e: Element) => boolean): Element | null {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return null;
}

/**
 * A copy of `node` without the regions search leaves out: those marked `data-search-ignore`,
 * SVG (a chart's tick labels are noise; its title, caption and data table are HTML) and `skip`.
 */
function withoutIgnored(node: Element, skip: Element | null): Element {
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (!isElement(child)) children.push(child);
    else if (child !== skip && child.properties[IGNORE_PROPERTY] === undefined && child.tagName !== 'svg')
      children.push(withoutIgnored(child, skip));
  }
  return { ...node, children };
}

/** An SVG start tag (its attributes may hold `>` in quotes), or an end tag. */
const SVG_TAG = /<svg\b(?:[^>"']|"[^"]*"|'[^']*')*>|<\/svg\s*>/g;

/**
 * `html` without its SVG elements, nested or not: search leaves them out anyway
 * (withoutIgnored), and they are most of a chart page's bytes, so parsing them was most of the
 * index's time. When the SVG tags do not balance, `html` whole.
 */
function withoutSvg(html: string): string {
  let kept = '';
  let from = 0;
  let depth = 0;
  for (const tag of html.matchAll(SVG_TAG)) {
    if (tag[0].startsWith('</')) {
      if (depth === 0) continue;
      depth -= 1;
      if (depth === 0) from = tag.index + tag[0].length;
    } else if (!tag[0].endsWith('/>')) {
      if (depth === 0) kept += html.slice(from, tag.index);
      depth += 1;
    } else if (depth === 0) {
      kept += html.slice(from, tag.index);
      from = tag.index + tag[0].length;
    }
  }
  return depth === 0 ? kept + html.slice(from) : html;
}

/** Collapses the line breaks innerText puts between blocks to single spaces. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The search document of the page `html` served at `url`, or null when its <main> is not marked
 * searchable. The text follows the innerText algorithm (hast-util-to-text), so block elements
 * stay apart: a glossary term and its definition, a heading and the paragraph after it, never
 * run together. The title is the page's first h1, else its <title>; the h1 is indexed as the
 * title only, so an excerpt does not repeat it.
 */
export function searchDocument(html: string, url: string): SearchDocument | null {
  const tree = fromHtml(withoutSvg(html));
  const main = find(tree, (e) => e.tagName === 'main' && e.properties[BODY_PROPERTY] !== undefined);
  if (!main) return null;
  const h1 = find(main, (e) => e.tagName === 'h1');
  const titleElement = find(tree, (e) => e.tagName === 'title');
  const title = oneLine(h1 ? toText(h1) : titleElement ? toText(titleElement) : '');
  if (!title) throw new RangeError(`searchDocument: the page ${url} has neither an h1 nor a <title>`);
  return { url, title, text: oneLine(toText(withoutIgnored(main, h1))) };
}
