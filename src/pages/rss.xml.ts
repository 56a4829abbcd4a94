import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { siteConfig } from '../site/readSiteConfig.ts';

export async function GET(context: APIContext) {
  const updates = (await getCollection('updates')).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime(),
  );
  const site = siteConfig();
  return rss({
    title: `${site.title}: updates`,
    description: `New data, follow-ups and amendments from ${site.evaluation}.`,
    site: context.site!,
    items: updates.map((u) => ({
      title: u.data.title,
      pubDate: u.data.date,
      description: u.data.summary,
      link: `/updates/${u.id}/`,
    })),
    customData: '<language>en-gb</language>',
  });
}
