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
  /** Written as markdown `[text](href)`, or as an `href="…"` attribute of a tag. */
  written: 'markdown' | 'attribute';
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
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    links.push({ href: m[1] as string, written: 'markdown', ...position(text, m.index + 2, firstLine) });
  }
  for (const m of text.matchAll(/\bhref=(?:"([^"]*)"|'([^']*)')/g)) {
    links.push({
      href: (m[1] ?? m[2]) as string,
      written: 'attribute',
      ...position(text, m.index, firstLine),
    });
  }
  return links.sort((a, b) => a.line - b.line || a.column - b.column);
}
