/**
 * Numbers typed into MDX prose that look like results: a decimal ("0.96"), a percentage ("16.6%",
 * "12 per cent") or a count of units ("263 schools"). A result typed by hand does not change when
 * the data do and has no source beside it, so `npm run check` warns about each, naming file, line
 * and column; results belong in components (<Estimate>, <Rate>, <Fact>, <Verdict>).
 *
 * Not warned about: anything inside a component tag, a {expression}, code, a link's address or
 * an HTML attribute; and what is not a result: years and dates, legal references ("Section 47",
 * "Children Act 1989"), the 95% of a "95% confidence interval" or "95% CI", version numbers
 * ("v3.0"), registry ids and volume numbers (whole numbers not followed by a unit).
 */

/** One typed number, with where it starts (1-based line and column of the file). */
export interface TypedNumber {
  text: string;
  line: number;
  column: number;
}

/** Units whose counts are results when typed ("263 schools"). */
const UNITS =
  'schools?|pupils?|children|authorit(?:y|ies)|councils?|enquir(?:y|ies)|referrals?|assessments?|families|social workers?|events?|cases?';

const PATTERN = new RegExp(
  [
    // a percentage: 16.6%, 16.6 %, 12 per cent, 12 percent
    String.raw`\d[\d,]*(?:\.\d+)?\s?(?:%|per ?cent\b)`,
    // a count of units: 263 schools, 1,250 pupils
    String.raw`\b\d[\d,]*\s+(?:${UNITS})\b`,
    // a decimal: 0.96, 1.055
    String.raw`\b\d+\.\d+\b`,
  ].join('|'),
  'gi',
);

/** What is not a result, tested on the text around a match. */
const ALLOWED: readonly { before?: RegExp; match?: RegExp; after?: RegExp }[] = [
  // 95% confidence interval, 95% CI, 90% credible interval
  { match: /^\d+\s?%$/, after: /^\s*(?:confidence|credible|CI\b|interval)/i },
  // version numbers and standards: v3.0, version 2.1, WCAG 2.2
  { before: /(?:\bv|\bversion\s|\bWCAG\)?\s)$/i },
  // zoom levels in an accessibility statement: "zoomed to 400%"
  { before: /\bzoom(?:ed)?\s(?:to|at)\s$/i },
  // legal references: Section 47 enquiries, section 17 assessments, Article 8
  { before: /\b(?:section|s\.|article|act|regulation|schedule|part)\s$/i },
  // a year, or the end of a range of years, before a unit: "in 2019 social workers", "2020–22 school years"
  { match: /^(?:19|20)\d\d\s/ },
  { before: /\d[–/-]$/ },
];

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/**
 * Replaces what is not prose (code, component and HTML tags with their attributes, {expressions},
 * link addresses, HTML comments) with spaces, keeping every character's line and column.
 */
export function proseOnly(body: string): string {
  let fence: string | null = null;
  const lines = body.split('\n').map((l) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(l);
    if (fence === null && m?.[1]) {
      fence = m[1][0] as string;
      return blank(l);
    }
    if (fence !== null) {
      if (m?.[1]?.[0] === fence) fence = null;
      return blank(l);
    }
    return l;
  });
  return (
    lines
      .join('\n')
      .replace(/<!--[\s\S]*?-->/g, blank)
      .replace(/`[^`\n]*`/g, blank)
      // tags, with attributes that may hold {expressions} or span lines
      .replace(/<\/?[A-Za-z][^<>]*?\/?>/g, blank)
      .replace(/\{[^{}]*\}/g, blank)
      // link addresses: [text](address)
      .replace(/\]\([^)]*\)/g, (m) => `]${blank(m.slice(1))}`)
      // bare web addresses and DOIs
      .replace(/\b(?:https?:\/\/|doi:|www\.)\S+/gi, blank)
  );
}

/** Every number in an MDX body (whose first line is `firstLine` of the file) that looks typed. */
export function findTypedNumbers(body: string, firstLine: number): TypedNumber[] {
  const text = proseOnly(body);
  const found: TypedNumber[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const match = m[0];
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    const after = text.slice(m.index + match.length, m.index + match.length + 24);
    // A decimal that is part of a legal or numbered reference ("Section 47.2") is still typed;
    // the allow-list is deliberately short.
    if (
      ALLOWED.some(
        (a) =>
          (!a.before || a.before.test(before)) &&
          (!a.match || a.match.test(match)) &&
          (!a.after || a.after.test(after)),
      )
    )
      continue;
    const head = text.slice(0, m.index);
    const line = firstLine + (head.match(/\n/g)?.length ?? 0);
    found.push({ text: match.replace(/\s+/g, ' '), line, column: m.index - head.lastIndexOf('\n') });
  }
  return found;
}
