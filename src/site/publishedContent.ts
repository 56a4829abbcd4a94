/**
 * The content a build publishes: every page reads findings, updates and pages through here, never
 * `getCollection` directly (eslint.config.js says so), so a draft or an embargoed entry is absent
 * from every page, list, search entry, sitemap line and RSS item unless the build asks for drafts.
 *
 * The build asks with SHOW_DRAFTS=1 (a preview: every draft is labelled, see DraftNotice.astro);
 * `npm run dev` shows drafts. PUBLISH_DATE=YYYY-MM-DD is the day the build publishes, which ends
 * embargoes up to that day; builds never read the clock, so without it embargoed entries stay out.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readIsoDate } from '../lib/format/isoDate.ts';
import {
  isInBuild,
  publicationState,
  type PreviewOptions,
  type PublicationState,
} from '../lib/content/visibility.ts';

type Collection = 'findings' | 'updates' | 'pages';

let options: PreviewOptions | undefined;

/** What this build was asked to show, from SHOW_DRAFTS, PUBLISH_DATE and the dev server. */
export function previewOptions(): PreviewOptions {
  if (options) return options;
  const raw = process.env.PUBLISH_DATE;
  let publishDate: Date | undefined;
  if (raw !== undefined && raw !== '') {
    const read = readIsoDate(raw);
    if (!read.ok)
      throw new Error(
        `PUBLISH_DATE: expected a date written YYYY-MM-DD, found "${raw}". Set it to the day the site is published.`,
      );
    publishDate = new Date(`${read.iso}T00:00:00Z`);
  }
  const drafts = process.env.SHOW_DRAFTS === '1' || import.meta.env.DEV === true;
  return (options = { drafts, publishDate });
}

/** The entries of a collection this build publishes (all of them, labelled, in a preview). */
export function publishedEntries<C extends Collection>(collection: C): Promise<CollectionEntry<C>[]> {
  const opts = previewOptions();
  return getCollection(collection, (entry: CollectionEntry<Collection>) =>
    isInBuild(entry.data, opts),
  ) as Promise<CollectionEntry<C>[]>;
}

/** Whether an entry is published, a draft or under embargo in this build (for its label). */
export function entryState(entry: CollectionEntry<Collection>): PublicationState {
  return publicationState(entry.data, previewOptions());
}
