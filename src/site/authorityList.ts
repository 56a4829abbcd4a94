/**
 * The list of every authority on /authorities/, alphabetical within its region, and its filter:
 * by region and by taking part (which CSS answers, src/site/listFilter.ts) and by name (which
 * needs JavaScript). Regions and studies come from the data; nothing here names one.
 */
import { slug, slugText } from '../lib/format/slug.ts';
import { ALL, filterSummary, type FilterControl } from './listFilter.ts';
import { authoritiesWithSlugs, participation, participationLabel, studyWindows } from './siteData.ts';

/** The form's controls that CSS answers, as named in the form and the address. */
export const REGION = 'region';
export const TOOK_PART = 'took-part';
/** The taking-part value of an authority in no study. */
const NONE = 'none';

/** One choice of a control: its value in the address, its label, and its words in the status line. */
export interface FilterChoice {
  value: string;
  label: string;
  /** "in London", "took part in the trial"; null for the "all" choice, which narrows nothing. */
  phrase: string | null;
}

const byName = (a: string, b: string) => a.localeCompare(b, 'en-GB');
const tokens = (values: Iterable<string>) => [...new Set([...values, ALL])].join(' ');

/**
 * Every authority by region, the choices of the filter, and the status line for every pair of
 * choices (what the page says without JavaScript). Throws when a region's slug is "all", the value
 * of "All regions".
 */
export function authorityList() {
  const windows = studyWindows();
  const authorities = authoritiesWithSlugs()
    .map((a) => {
      const part = participation(a.laCode);
      const studies = windows.map((w) => w.study).filter((s) => part[s]);
      return { ...a, part, tookPart: studies.length > 0 ? studies : [NONE] };
    })
    .sort((a, b) => byName(a.name, b.name));
  const regions = [...new Set(authorities.map((a) => a.region))].sort(byName).map((name) => {
    const value = slug(name);
    if (value === ALL)
      throw new Error(
        `data/authorities.csv: the region "${name}" would share the value "${ALL}" with the filter's "All regions"; rename the region.`,
      );
    const list = authorities
      .filter((a) => a.region === name)
      .map((a) => ({
        ...a,
        /** What a name query is matched against: the name and the region, spelt as slugText spells the query. */
        key: slugText(`${a.name} ${name}`),
        filter: { [REGION]: tokens([value]), [TOOK_PART]: tokens(a.tookPart) },
      }));
    return {
      name,
      value,
      id: `region-${value}`,
      list,
      filter: { [REGION]: tokens([value]), [TOOK_PART]: tokens(list.flatMap((a) => a.tookPart)) },
    };
  });

  const regionChoices: FilterChoice[] = [
    { value: ALL, label: 'All regions', phrase: null },
    ...regions.map((r) => ({ value: r.value, label: r.name, phrase: `in ${r.name}` })),
  ];
  const tookPartChoices: FilterChoice[] = [
    { value: ALL, label: 'All authorities', phrase: null },
    ...windows.map((w) => ({
      value: w.study,
      label: participationLabel({ pilot: w.study === 'pilot', trial: w.study === 'trial' }),
      phrase: `took part in the ${w.study}`,
    })),
    { value: NONE, label: 'Did not take part', phrase: 'did not take part' },
  ];
  const controls: FilterControl[] = [
    { name: REGION, values: regionChoices.map((c) => c.value) },
    { name: TOOK_PART, values: tookPartChoices.map((c) => c.value) },
  ];

  const items = regions.flatMap((r) => r.list.map((a) => ({ region: r.value, tookPart: a.tookPart })));
  const summaries = regionChoices.flatMap((r) =>
    tookPartChoices.map((p) => {
      const shown = items.filter(
        (a) => (r.value === ALL || a.region === r.value) && (p.value === ALL || a.tookPart.includes(p.value)),
      ).length;
      const criteria = [r.phrase, p.phrase].filter((c): c is string => c !== null);
      return {
        filter: { [REGION]: r.value, [TOOK_PART]: p.value },
        text: filterSummary(shown, items.length, criteria),
        filtered: criteria.length > 0,
      };
    }),
  );

  return {
    authorities,
    regions,
    regionChoices,
    tookPartChoices,
    hasStudies: windows.length > 0,
    controls,
    summaries,
  };
}
