/**
 * The glossary: one source for /glossary/ and for every <Term> link in prose. The study's own
 * terms come from content/glossary.yaml (src/lib/content/glossaryFile.ts); the statistical terms
 * the site's own pages use, which hold for any study, are here. `short` is the words a <Term>
 * prints when the author gives none; `id` is the anchor on /glossary/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGlossary, type GlossaryTerm } from '../lib/content/glossaryFile.ts';
import { CONTENT_DIR } from './readSiteConfig.ts';

export type { GlossaryTerm };

/** The terms of the site's own pages and charts: measures, intervals and designs. */
export const STATISTICAL_TERMS: readonly GlossaryTerm[] = [
  {
    id: 'rate-ratio',
    term: 'Rate ratio',
    short: 'rate ratio',
    text: 'The rate of events in schools with the programme divided by the rate in comparison schools. 1 means no difference; below 1 means fewer events with the programme; above 1 means more.',
  },
  {
    id: 'ratio-of-absence-rates',
    term: 'Ratio of absence rates',
    short: 'ratio of absence rates',
    text: 'The share of school sessions missed in schools with the programme divided by the share missed in control schools (a session is a morning or an afternoon). 1 means no difference; below 1 means less absence with the programme; above 1 means more.',
  },
  {
    id: 'mean-difference',
    term: 'Difference in mean score, points',
    short: 'difference in mean score',
    text: 'The average score of schools with the programme minus the average score of control schools, in the score’s own points. 0 means no difference; below 0 means lower scores with the programme; above 0 means higher. Not a ratio: it is shown on its own scale.',
  },
  {
    id: 'confidence-interval',
    term: 'Confidence interval (95% CI)',
    short: 'confidence interval',
    text: 'The range of values that fit the data well. If the study were repeated many times, 95% of such intervals would contain the true value. An interval that includes 1 (for a ratio) or 0 (for a difference) means the data are consistent with no difference.',
  },
  {
    id: 'rct',
    term: 'Randomised controlled trial',
    short: 'randomised trial',
    text: 'A study in which chance decides who gets the programme, so the groups are alike apart from the programme. In a cluster randomised trial, whole schools rather than pupils are randomised.',
  },
  {
    id: 'did',
    term: 'Difference in differences',
    short: 'difference in differences',
    text: 'A comparison of how much outcomes changed over time in programme schools with how much they changed in comparison schools.',
  },
  {
    id: 'statistically-significant',
    term: 'Statistically significant',
    short: 'statistically significant',
    text: 'A difference large enough, relative to its uncertainty, that chance alone is an unlikely explanation. Usually this means the 95% confidence interval excludes 1 (for a ratio) or 0 (for a difference).',
  },
  {
    id: 'natural-frequency',
    term: 'Natural frequencies',
    short: 'natural frequencies',
    text: 'A result put as numbers of events for a group of a given size (for example, events a year in a school of 1,000 pupils) rather than as a ratio or a percentage.',
  },
];

let cache: readonly GlossaryTerm[] | undefined;

/**
 * Every glossary entry, in the order /glossary/ lists them: the study's (content/glossary.yaml,
 * optional), then the statistical terms. A problem in the file, or a study term with the id of a
 * statistical one, stops the build with every problem.
 */
export function glossary(): readonly GlossaryTerm[] {
  if (cache) return cache;
  const file = join(CONTENT_DIR, 'glossary.yaml');
  let study: GlossaryTerm[] = [];
  if (existsSync(file)) {
    const parsed = parseGlossary(file, readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    study = parsed.terms;
  }
  const clash = study.filter((t) => STATISTICAL_TERMS.some((s) => s.id === t.id));
  if (clash.length > 0)
    throw new Error(
      `${file}: ${clash.map((t) => `"${t.id}"`).join(', ')} ${clash.length > 1 ? 'are' : 'is'} already the id of one of the site's statistical terms (${STATISTICAL_TERMS.map((t) => t.id).join(', ')}). Give the entry another id.`,
    );
  return (cache = [...study, ...STATISTICAL_TERMS]);
}

/** The glossary entry for `id`, as used by the <Term> MDX component; unknown ids throw, listing the known ones. */
export function lookupTerm(id: string, terms: readonly GlossaryTerm[] = glossary()): GlossaryTerm {
  const hit = terms.find((t) => t.id === id);
  if (!hit)
    throw new Error(
      `<Term id="${id}" />: no such term in the glossary (content/glossary.yaml, or the site's statistical terms). Terms that exist: ${terms.map((t) => t.id).join(', ')}.`,
    );
  return hit;
}
