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
import { isInBuild, publicationState, type PublicationState } from '../lib/content/visibility.ts';
import { previewOptions } from './previewOptions.ts';

type Collection = 'findings' | 'updates' | 'pages';

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
