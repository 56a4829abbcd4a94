import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { formatNumber, formatReportingYear } from '../src/lib/format/formatNumber.ts';
import { publishedRateDifferences } from '../src/site/publishedRateDifferences.ts';
import type { Context } from '../src/lib/contracts/resultsSchemas.ts';
import { authoritiesWithSlugs } from '../src/site/siteData.ts';

// The built site (scripts/test.mjs builds dist/ and out/ first): every authority whose rate of
// children starting to be looked after differs from DfE's published one says so on its page.
const root = join(import.meta.dirname, '..');
const context = JSON.parse(readFileSync(join(root, 'out/context.json'), 'utf8')) as Context[];

test('every authority page shows, beside its figures, each year where DfE published a different rate, and why', () => {
  const differences = publishedRateDifferences(context).filter((d) => d.laCode !== 'E92000001');
  expect(differences.length).toBe(69);
  const slugs = new Map(authoritiesWithSlugs().map((a) => [a.laCode, a]));
  for (const d of differences) {
    const authority = slugs.get(d.laCode)!;
    const html = readFileSync(join(root, 'dist/authorities', authority.slug, 'index.html'), 'utf8');
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text, authority.name).toContain(
      `For ${formatReportingYear(d.year)}, the Department for Education published a rate of ${formatNumber(d.publishedRatePer10k)} for ${authority.name.replace(/&/g, '&amp;')} (${formatNumber(d.ratePer10k, 1)} in this table)`,
    );
    expect(text).toContain('DfE divided that year');
  }
  // An authority whose recomputed rate rounds to DfE's has no such note.
  const same = context.find(
    (r) =>
      r.laCode !== 'E92000001' &&
      r.year === 2018 &&
      r.measure === 'cla_starts' &&
      r.publishedRatePer10k !== undefined &&
      publishedRateDifferences([r]).length === 0,
  )!;
  const page = readFileSync(
    join(root, 'dist/authorities', slugs.get(same.laCode)!.slug, 'index.html'),
    'utf8',
  );
  expect(page).not.toContain('DfE divided that year');
});
