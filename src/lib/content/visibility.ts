/**
 * Drafts and embargoes: whether a finding, update or page is published in a build.
 *
 * A draft (`draft: true`) is left out of a build unless the build asks for drafts. An embargoed
 * entry (`embargo: YYYY-MM-DD`) is left out until the build's publication date reaches that day.
 * Builds never read the clock (the same repository must build the same bytes), so the
 * publication date is given to the build (`PUBLISH_DATE`); without it an embargoed entry stays out.
 */

/** The frontmatter fields that decide publication. */
export interface Publication {
  draft?: boolean;
  embargo?: Date;
}

/** What a build was asked to show: drafts and embargoed entries, and the day it publishes. */
export interface PreviewOptions {
  /** Show drafts and entries still under embargo, each labelled (a preview, never published). */
  drafts: boolean;
  /** The day the build publishes, for embargoes; undefined keeps every embargoed entry out. */
  publishDate: Date | undefined;
}

export type PublicationState = 'published' | 'draft' | 'embargoed';

/**
 * The state of an entry in a build: `draft` wins over an embargo; an embargo ends on its own day.
 *
 * @example publicationState({ embargo: new Date('2027-01-15') }, { drafts: false, publishDate: new Date('2027-01-15') }) // 'published'
 */
export function publicationState(entry: Publication, options: PreviewOptions): PublicationState {
  if (entry.draft === true) return 'draft';
  if (entry.embargo !== undefined) {
    const { publishDate } = options;
    if (publishDate === undefined || publishDate.getTime() < entry.embargo.getTime()) return 'embargoed';
  }
  return 'published';
}

/** True when the entry belongs in the build: published, or any entry when drafts are asked for. */
export function isInBuild(entry: Publication, options: PreviewOptions): boolean {
  return options.drafts || publicationState(entry, options) === 'published';
}
