import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';

export async function GET(context: APIContext) {
  const updates = (await getCollection('updates')).sort(
    (a, b) => b.data.date.getTime() - a.data.date.getTime(),
  );
  return rss({
    title: 'SWIS findings: updates',
    description: 'New data, follow-ups and amendments from the Social Workers in Schools evaluation.',
    site: context.site ?? 'https://swis-findings.example.org',
    items: updates.map((u) => ({
      title: u.data.title,
      pubDate: u.data.date,
      description: u.data.summary,
      link: `/updates/${u.id}/`,
    })),
    customData: '<language>en-gb</language>',
  });
}
