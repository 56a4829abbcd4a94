import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { publishedEntries } from '../site/publishedContent.ts';
import { siteConfig } from '../site/readSiteConfig.ts';
import { publishedReleases } from '../site/releases.ts';
import { siteUrl } from '../site/sitePath.ts';

export async function GET(context: APIContext) {
  const updates = (await publishedEntries('updates')).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime(),
  );
  const site = siteConfig();
  // Corrections are news to anyone who read the figures: each is an item, linked to its release note.
  const corrections = publishedReleases()
    .filter((r) => r.change?.kind === 'correction')
    .map((r) => ({
      title: `Correction: release ${r.version}`,
      pubDate: new Date(`${r.date}T00:00:00Z`),
      description: `${r.change!.reason} ${r.change!.conclusionsChanged ? 'The conclusions changed.' : 'The conclusions did not change.'}`,
      // Absolute, because @astrojs/rss adds a trailing slash to a relative link, after the #fragment.
      link: siteUrl(`/releases/#release-${r.version}`, context.site).href,
    }));
  const items = [
    ...updates.map((u) => ({
      title: u.data.title,
      pubDate: u.data.date,
      description: u.data.summary,
      link: siteUrl(`/updates/${u.id}/`, context.site).href,
    })),
    ...corrections,
  ].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
  return rss({
    title: `${site.title}: updates`,
    description: `New data, follow-ups and amendments from ${site.evaluation}.`,
    site: context.site!,
    items,
    customData: '<language>en-gb</language>',
  });
}
