/**
 * What a build was asked to show (src/lib/content/visibility.ts): drafts with SHOW_DRAFTS=1 or on
 * the dev server, and the day it publishes (PUBLISH_DATE=YYYY-MM-DD), which ends embargoes up to
 * that day. Builds never read the clock, so without PUBLISH_DATE every embargo holds.
 */
import { readIsoDate } from '../lib/format/isoDate.ts';
import type { PreviewOptions } from '../lib/content/visibility.ts';

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
  const drafts = process.env.SHOW_DRAFTS === '1' || import.meta.env?.DEV === true;
  return (options = { drafts, publishDate });
}
