/**
 * The short excerpt shown under a search result: the stretch of the page's text around the
 * first word that matched, with every matched word marked.
 */
import { normaliseTerm } from './searchOptions.ts';

/** A run of excerpt text; `mark` when it is a matched word. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Splits an excerpt of `text` of `words` words (default 30) into parts, marking each word that,
 * folded as the index folds it, is one of `terms` (the index's terms that matched: MiniSearch's
 * `result.terms`, which a prefix or fuzzy query has already resolved to whole words). The excerpt
 * starts a few words before the first match of the stretch that holds the most different matched
 * words (so "child in need" shows where those words meet, not the first "in"), with an ellipsis
 * wherever it cuts the text; with no match it is the start of the text.
 */
export function excerpt(text: string, terms: readonly string[], words = 30): ExcerptPart[] {
  if (!Number.isInteger(words) || words < 1)
    throw new RangeError(`excerpt: words must be a whole number ≥ 1, got ${words}`);
  const wanted = new Set(terms);
  // Words at even positions, the separators between them at odd ones (split with a capture group).
  const tokens = text.split(/([^\p{L}\p{N}\p{M}]+)/u);
  const isWord = (i: number) => i % 2 === 0 && tokens[i] !== '';
  const isMatch = (i: number) => isWord(i) && wanted.has(normaliseTerm(tokens[i]!) ?? '');
  const first = bestMatch(tokens, isMatch, words);
  // Start a fifth of the excerpt before the first match (an even index, so on a word).
  let start = Math.max(0, first - 2 * Math.floor(words / 5));
  // Never start inside a word with an apostrophe ("… s staff" for "school's staff").
  while (start >= 2 && /^['’]$/.test(tokens[start - 1]!)) start -= 2;
  let end = start;
  for (let n = 0; end < tokens.length && n < words; end++) if (isWord(end)) n++;
  const parts: ExcerptPart[] = [];
  const push = (s: string, mark: boolean) => {
    const last = parts.at(-1);
    if (last && !last.mark && !mark) last.text += s;
    else if (s) parts.push({ text: s, mark });
  };
  if (start > 0) push('… ', false);
  for (let i = start; i < end; i++) push(tokens[i]!, isMatch(i));
  const rest = tokens.slice(end).join('');
  push(/[\p{L}\p{N}]/u.test(rest) ? ' …' : rest, false);
  return parts;
}

/**
 * The token index of the match that starts the window of `words` words holding the most
 * different matched words (the earliest such), or 0 when nothing matches.
 */
function bestMatch(tokens: readonly string[], isMatch: (i: number) => boolean, words: number): number {
  const matches = tokens.flatMap((t, i) => (isMatch(i) ? [{ i, term: normaliseTerm(t) }] : []));
  let best = 0;
  let bestCount = 0;
  for (let m = 0; m < matches.length; m++) {
    const seen = new Set<string | null>();
    // Tokens alternate word and separator, so `words` words span 2 × words tokens.
    for (let k = m; k < matches.length && matches[k]!.i < matches[m]!.i + 2 * words; k++)
      seen.add(matches[k]!.term);
    if (seen.size > bestCount) {
      bestCount = seen.size;
      best = matches[m]!.i;
    }
  }
  return best;
}
