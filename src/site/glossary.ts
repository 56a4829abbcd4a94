/**
 * The glossary: one source for /glossary/ and for every <Term> link in prose. `short` is the
 * words a <Term> prints when the author gives none; `id` is the anchor on /glossary/.
 */
export interface GlossaryTerm {
  id: string;
  term: string;
  short: string;
  text: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'referral',
    term: 'Referral',
    short: 'referral',
    text: "A request to children's social care to assess a child's needs. After the police, schools are the largest source of referrals.",
  },
  {
    id: 's17',
    term: 'Section 17 assessment (child in need)',
    short: 'Section 17 assessment',
    text: 'An assessment under section 17 of the Children Act 1989 of whether a child is “in need” of services from the council.',
  },
  {
    id: 's47',
    term: 'Section 47 enquiry (child protection enquiry)',
    short: 'Section 47 enquiry',
    text: 'An enquiry made when there is reasonable cause to suspect that a child is suffering, or is likely to suffer, significant harm. It can lead to a child protection conference and plan.',
  },
  {
    id: 'icpc',
    term: 'ICPC (initial child protection conference)',
    short: 'initial child protection conference',
    text: 'A meeting of professionals and the family, held after a Section 47 enquiry, to decide whether a child needs a child protection plan.',
  },
  {
    id: 'cpp',
    term: 'CPP (child protection plan)',
    short: 'child protection plan',
    text: 'A plan setting out how a child will be kept safe, agreed at a child protection conference.',
  },
  {
    id: 'cla',
    term: 'CLA (child looked after)',
    short: 'child looked after',
    text: 'A child in the care of the local authority.',
  },
  {
    id: 'dsl',
    term: 'DSL (designated safeguarding lead)',
    short: 'designated safeguarding lead',
    text: "The member of a school's staff responsible for child protection.",
  },
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
    text: 'The average score of schools with the programme minus the average score of control schools, in the score’s own points (for Attainment 8, out of 90). 0 means no difference; below 0 means lower scores with the programme; above 0 means higher. Not a ratio: it is shown on its own scale.',
  },
  {
    id: 'absence',
    term: 'Absence (overall absence rate)',
    short: 'absence',
    text: 'Sessions missed through absence, authorised or not, as a percentage of all the sessions pupils could have attended. Secondary schools in England miss about 8 to 9% of sessions.',
  },
  {
    id: 'attainment-8',
    term: 'Attainment 8',
    short: 'Attainment 8',
    text: 'A measure of pupils’ results in eight GCSE-level subjects, including English and maths, from 0 to 90 points; a school’s score is the average of its pupils’. The average in England is about 46.',
  },
  {
    id: 'confidence-interval',
    term: 'Confidence interval (95% CI)',
    short: 'confidence interval',
    text: 'The range of values that fit the data well. If the study were repeated many times, 95% of such intervals would contain the true value. An interval that includes 1 means the data are consistent with no difference.',
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
    text: 'A difference large enough, relative to its uncertainty, that chance alone is an unlikely explanation. Usually this means the 95% confidence interval excludes 1.',
  },
  {
    id: 'natural-frequency',
    term: 'Natural frequencies',
    short: 'natural frequencies',
    text: 'A result put as numbers of events for a group of a given size (for example, enquiries a year in a school of 1,000 pupils) rather than as a ratio or a percentage.',
  },
];

/** The glossary entry for `id`, as used by the <Term> MDX component; unknown ids throw, listing the known ones. */
export function lookupTerm(id: string, terms: readonly GlossaryTerm[] = GLOSSARY): GlossaryTerm {
  const hit = terms.find((t) => t.id === id);
  if (!hit)
    throw new Error(
      `<Term id="${id}" />: no such term in the glossary (src/site/glossary.ts). Terms that exist: ${terms.map((t) => t.id).join(', ')}.`,
    );
  return hit;
}
