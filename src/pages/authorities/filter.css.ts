import { authorityList } from '../../site/authorityList.ts';
import { filterCss } from '../../site/listFilter.ts';

/**
 * /authorities/filter.css: the rules that make the authorities list's region and taking-part
 * choices filter without JavaScript, one per value, written from the data at build time. A file of
 * the site's own rather than an inline `<style>`, which the Content-Security-Policy (style-src
 * 'self') would block.
 */
export function GET() {
  return new Response(filterCss('authority-finder', 'authority-filter', authorityList().controls), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
}
