/**
 * A publication cited as a source, as <SourceCitation> (src/components/SourceCitation.astro) prints
 * it: "Publisher, Title" with the title linked, or the title alone where the sentence or list
 * names the publisher, or as a `<cite>` where the publication has no web address. One zod schema:
 * the component parses its props with it and the site's lists of sources (contextSources.ts) are
 * typed by it.
 */
import { z } from 'zod';
import { parseProps } from './parseProps.ts';

/** A publication with its publisher and web address, as the site's lists of official sources hold them. */
export const publicationSchema = z.strictObject({
  publisher: z.string().trim().min(1),
  title: z.string().trim().min(1),
  url: z.url(),
});
export type Publication = z.infer<typeof publicationSchema>;

/** <SourceCitation>'s props: a publication, its publisher optional, its address null when it has none. */
export const sourceCitationSchema = publicationSchema.extend({
  publisher: publicationSchema.shape.publisher.optional(),
  url: publicationSchema.shape.url.nullable(),
});
export type SourceCitation = z.infer<typeof sourceCitationSchema>;

/** <SourceCitation>'s props, or an error naming the component and each wrong prop. */
export function parseSourceCitation(props: unknown): SourceCitation {
  return parseProps('SourceCitation', sourceCitationSchema, props);
}
