/**
 * Who to credit and under what licence, read from the repository's CITATION.cff so that the
 * authors and title have one source of truth, and the licences of what the site shows.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

interface CffPerson {
  name?: string;
  'given-names'?: string;
  'family-names'?: string;
}

/** The authors and title of the project, from CITATION.cff. */
export interface Citation {
  authors: string[];
  title: string;
  license: string;
}

/** Reads CITATION.cff (or `path`), with a sentence naming the file if it lacks what a citation needs. */
export function readCitation(path = process.env.CITATION_FILE ?? 'CITATION.cff'): Citation {
  const cff = yaml.load(readFileSync(path, 'utf8')) as {
    title?: string;
    authors?: CffPerson[];
    license?: string;
  };
  const authors = (cff.authors ?? []).map(
    (a) => a.name ?? [a['given-names'], a['family-names']].filter(Boolean).join(' '),
  );
  if (!cff.title || authors.length === 0 || authors.some((a) => a === '') || !cff.license)
    throw new Error(
      `${path}: expected a title, a license and at least one author with a name, for "Cite this page"`,
    );
  return { authors, title: cff.title, license: cff.license };
}

/** The licences on a findings page: official statistics under the OGL, the rest the project's own. */
export const LICENCES = {
  official: {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
} as const;
