/**
 * The official publications behind the authority statistics (data/context/la-statistics.csv, made
 * by `npm run import-context`), cited on every page that shows them. Provenance in detail:
 * ../shared/data/real/SOURCES.md.
 */
import type { CountMeasure } from '../lib/data/schemas.ts';
import type { Publication } from './sourceCitation.ts';

export const CONTEXT_SOURCES: readonly (Publication & {
  covers: string;
  /** The count measures of la-statistics.csv whose counts it publishes. */
  measures?: readonly CountMeasure[];
})[] = [
  {
    title: 'Characteristics of children in need',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need',
    covers:
      'referrals, children in need, Section 47 enquiries, initial child protection conferences, child protection plans',
    measures: ['referrals', 'cin_starts', 's47_enquiries', 'icpc', 'cpp_starts'],
  },
  {
    title: 'Children looked after in England including adoptions',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions',
    covers: 'children starting to be looked after',
    measures: ['cla_starts'],
  },
  {
    title: 'Local Authority Interactive Tool (LAIT)',
    publisher: 'Department for Education',
    url: 'https://www.gov.uk/government/publications/local-authority-interactive-tool-lait',
    covers: 'the share of referrals made by schools',
  },
  {
    title: 'Pupil absence in schools in England',
    publisher: 'Department for Education',
    url: 'https://explore-education-statistics.service.gov.uk/find-statistics/pupil-absence-in-schools-in-england',
    covers:
      'sessions of school missed through absence and sessions possible, by term, from which overall absence is computed',
  },
  {
    title: 'Population estimates for England and Wales: mid-year',
    publisher: 'Office for National Statistics',
    url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates',
    covers: 'children aged 0 to 17, the denominator of every rate',
  },
];

/**
 * The source line of a figure of official statistics: the publication whose `covers` names
 * `what`, and, for rates per 10,000 children, the population estimates they divide by.
 * Throws when no publication covers `what`, so a figure never names the wrong source.
 */
export function officialSource(what: string, perChildren: boolean): { source: string; sourceHref: string } {
  const found = CONTEXT_SOURCES.find((s) => s.covers.includes(what));
  if (!found) throw new RangeError(`officialSource: no publication in CONTEXT_SOURCES covers "${what}"`);
  const ons = CONTEXT_SOURCES.find((s) => s.covers.includes('denominator'));
  return { source: sourceLine([found, ...(perChildren && ons ? [ons] : [])]), sourceHref: found.url };
}

/**
 * The source line of a figure of `measure`'s rates per 10,000 children: the publications
 * {@link measureSources} lists (its counts', then the population estimates'), linked to the first.
 * Throws as measureSources does, so a figure never names the wrong source.
 */
export function measureSource(measure: string): { source: string; sourceHref: string } {
  const sources = measureSources(measure);
  return { source: sourceLine(sources), sourceHref: sources[0]!.url };
}

/** "Publisher, Title; Publisher, Title": publications cited in a figure's one line of text. */
const sourceLine = (sources: readonly Publication[]) =>
  sources.map((s) => `${s.publisher}, ${s.title}`).join('; ');

/**
 * The publications behind a rate of `measure` per 10,000 children, to list under what shows it:
 * the one that publishes its counts, and the population estimates it is divided by. Throws when
 * none publishes it, so a page never names the wrong source.
 */
export function measureSources(measure: string): (typeof CONTEXT_SOURCES)[number][] {
  const counts = CONTEXT_SOURCES.find((s) => s.measures?.some((m) => m === measure));
  if (!counts)
    throw new RangeError(`measureSources: no publication in CONTEXT_SOURCES publishes "${measure}"`);
  return [counts, ...CONTEXT_SOURCES.filter((s) => s.covers.includes('denominator'))];
}
