/**
 * What `npm run check` reads in an MDX body without compiling it: the components used with their
 * literal attributes, and the links, each with its line and column. A regular scan rather than an
 * MDX parse, because the check must run in a second without the build; fenced code blocks are
 * skipped so that examples in them are not taken for real tags or links.
 */

/** A component tag such as `<Estimate study="trial" … />`, with its literal string attributes. */
export interface ComponentUse {
  name: string;
  /** Attributes given as "text" or 'text'; attributes given as {expressions} map to null. */
  attributes: Map<string, string | null>;
  line: number;
  column: number;
}

/** A link target in markdown `[text](href)` or an `href="…"` attribute. */
export interface LinkUse {
  href: string;
  /**
   * A markdown link, a markdown image `![alt](src)`, an `href` of an HTML tag (<a href>, passed to
   * the page as written), or an `href` of a component (<KeyFigure href>, which puts it through the
   * site's base path itself).
   */
  written: 'markdown' | 'image' | 'attribute' | 'component';
  line: number;
  column: number;
}

/** Replaces fenced code blocks (``` or ~~~) and inline code with spaces, keeping line breaks. */
function blankCode(body: string): string {
  const lines = body.split('\n');
  let fence: string | null = null;
  const out = lines.map((l) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(l);
    if (fence === null && m?.[1]) {
      fence = m[1][0] as string;
      return ' '.repeat(l.length);
    }
    if (fence !== null) {
      if (m?.[1]?.[0] === fence) fence = null;
      return ' '.repeat(l.length);
    }
    return l.replace(/`[^`\n]*`/g, (c) => ' '.repeat(c.length));
  });
  return out.join('\n');
}

function position(text: string, index: number, firstLine: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = firstLine + (before.match(/\n/g)?.length ?? 0);
  return { line, column: index - before.lastIndexOf('\n') };
}

/** Every capitalised component tag in an MDX body whose first line is `firstLine` of the file. */
export function findComponents(body: string, firstLine: number): ComponentUse[] {
  const text = blankCode(body);
  const uses: ComponentUse[] = [];
  for (const m of text.matchAll(/<([A-Z][A-Za-z0-9]*)((?:\s+[^>]*?)?)\s*\/?>/g)) {
    const attributes = new Map<string, string | null>();
    for (const a of (m[2] ?? '').matchAll(/([A-Za-z_][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\{[^}]*\})))?/g)) {
      if (a[1]) attributes.set(a[1], a[4] !== undefined ? null : (a[2] ?? a[3] ?? ''));
    }
    uses.push({ name: m[1] as string, attributes, ...position(text, m.index, firstLine) });
  }
  return uses;
}

/** Every link target in an MDX body whose first line is `firstLine` of the file. */
export function findLinks(body: string, firstLine: number): LinkUse[] {
  const text = blankCode(body);
  const links: LinkUse[] = [];
  // Where each image's "](" is: `![alt](src)` is an image, `[text](href)` a link.
  const images = new Set([...text.matchAll(/!\[[^\]\n]*\]\(/g)].map((m) => m.index + m[0].length - 2));
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const written = images.has(m.index) ? 'image' : 'markdown';
    links.push({ href: m[1] as string, written, ...position(text, m.index + 2, firstLine) });
  }
  for (const m of text.matchAll(/\bhref=(?:"([^"]*)"|'([^']*)')/g)) {
    const tag = /<([A-Za-z][\w.]*)[^<]*$/.exec(text.slice(0, m.index))?.[1] ?? '';
    links.push({
      href: (m[1] ?? m[2]) as string,
      written: /^[A-Z]/.test(tag) ? 'component' : 'attribute',
      ...position(text, m.index, firstLine),
    });
  }
  return links.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The MDX components that show figures computed from the school-level data. */
export const COMPUTED_RESULT_COMPONENTS = [
  'Estimate',
  'Rate',
  'Verdict',
  'EstimatesTable',
  'TrialForest',
  'PilotForest',
  'ComputedVsPublished',
  'TrialConsort',
  'TrialSummaries',
  'SchoolFrequency',
  'SchoolFrequencies',
  'EffectList',
] as const;

/**
 * Whether an MDX body shows figures computed from the data (so a page says which release they
 * come from, and carries the demonstration-data notice when the data are synthetic).
 */
export function showsComputedResults(body: string): boolean {
  return new RegExp(`<(${COMPUTED_RESULT_COMPONENTS.join('|')})\\b`).test(blankCode(body));
}
