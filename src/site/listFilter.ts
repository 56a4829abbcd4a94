/**
 * A list filter that works as a plain form: shared by the page that shows it (the authorities
 * list, src/pages/authorities/index.astro), the stylesheet the build writes for it and the script
 * that enhances it (src/scripts/authorityFilter.ts). Pure, with no Node imports, so the browser's
 * bundle can use it.
 *
 * A static host cannot answer a query string, so the controls with a fixed set of values (a
 * `<select>` or radio buttons) filter with CSS alone. Every filtered element names, in a
 * `data-filter-<control>` attribute, the values it belongs to as space-separated tokens ("all"
 * among them for a list item); for each value a control can take, filterCss writes one rule that
 * hides what does not carry that value while it is checked. A free-text field needs JavaScript.
 */
import { formatNumber } from '../lib/format/formatNumber.ts';

/** The value of a control's "everything" choice, in the form and in the address. */
export const ALL = 'all';

/** A control CSS can answer: its `name`, and every value it can take. */
export interface FilterControl {
  name: string;
  values: readonly string[];
}

/** The attribute a filtered element lists its values of the control `name` in. */
export function filterAttribute(name: string): string {
  return `data-filter-${name}`;
}

/** The data-filter-* attributes of a filtered element, from its values by control name. */
export function filterAttributes(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, v]) => [filterAttribute(name), v]));
}

// Names and values go into selectors unescaped, so they are held to what a slug can be.
const TOKEN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The stylesheet that makes `controls` filter without JavaScript: inside the element `#scope`, while
 * a control of the form `#form` has `value` checked, every element whose data-filter-<name> lacks
 * that value is not displayed. Browsers without `:has()` ignore those rules; for them the form,
 * which would do nothing there, is not shown either unless a script has taken it over (its
 * `data-enhanced` attribute). Throws RangeError for a name or value that is not slug-like.
 * Example: one rule for region "london":
 * `#s:has(#f :is(select[name="region"] option, input[name="region"])[value="london"]:checked)
 * [data-filter-region]:not([data-filter-region~="london"]) { display: none; }`.
 */
export function filterCss(scope: string, form: string, controls: readonly FilterControl[]): string {
  for (const token of [scope, form, ...controls.flatMap((c) => [c.name, ...c.values])])
    if (!TOKEN.test(token))
      throw new RangeError(
        `filterCss: expected lower-case letters, digits and hyphens, found ${JSON.stringify(token)}`,
      );
  const rules = controls.flatMap(({ name, values }) => {
    const attr = filterAttribute(name);
    return values.map(
      (value) =>
        `#${scope}:has(#${form} :is(select[name="${name}"] option, input[name="${name}"])[value="${value}"]:checked) ` +
        `[${attr}]:not([${attr}~="${value}"]) {\n  display: none;\n}`,
    );
  });
  return [
    `/* Written by the build from the data: the filter of #${form} without JavaScript (src/site/listFilter.ts). */`,
    ...rules,
    `@supports not selector(:has(*)) {\n  #${form}:not([data-enhanced]) {\n    display: none;\n  }\n}`,
    '',
  ].join('\n');
}

/**
 * What a filtered list shows, in words, for its status line: "Showing all 153 authorities.",
 * "Showing 3 of 153 authorities: in London, took part in the trial." or "No authority matches: in
 * London, took part in the pilot." `criteria` are the reader's choices other than "all", each a
 * phrase.
 */
export function filterSummary(shown: number, total: number, criteria: readonly string[]): string {
  if (criteria.length === 0)
    return total === 1 ? 'Showing the one authority.' : `Showing all ${formatNumber(total)} authorities.`;
  const what = criteria.join(', ');
  if (shown === 0) return `No authority matches: ${what}.`;
  return `Showing ${formatNumber(shown)} of ${formatNumber(total)} ${total === 1 ? 'authority' : 'authorities'}: ${what}.`;
}

/** The phrase for a name query in filterSummary: matching “croy”. */
export function queryPhrase(q: string): string {
  return `matching “${q}”`;
}
