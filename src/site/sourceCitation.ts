/**
 * A publication cited as a source, as <SourceCitation> (src/components/SourceCitation.astro) prints
 * it: "Publisher, Title" with the title linked. One zod schema: the component parses its props
 * with it and the site's lists of sources (contextSources.ts) are typed by it.
 */
import { z } from 'zod';
import { parseProps } from './parseProps.ts';

export const sourceCitationSchema = z.strictObject({
  publisher: z.string().trim().min(1),
  title: z.string().trim().min(1),
  url: z.url(),
});

export type SourceCitation = z.infer<typeof sourceCitationSchema>;

/** <SourceCitation>'s props, or an error naming the component and each wrong prop. */
export function parseSourceCitation(props: unknown): SourceCitation {
  return parseProps('SourceCitation', sourceCitationSchema, props);
}
