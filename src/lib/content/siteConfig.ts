/**
 * content/site.yaml: the site's own words (its name, what it is about, who publishes it, how
 * sentences name the programme evaluated), so that nothing under src/ names a study. Parsed with
 * line numbers and checked against one zod schema, so every problem names the file, the line of
 * the key, what was expected and what was found. Used by the build, `npm run check` and
 * `npm run new:update` alike.
 */
import { z } from 'zod';
import { checkFrontmatter, contentProblem, type ContentProblem } from './frontmatter.ts';
import { loadYamlFile } from './yamlFile.ts';

/** content/site.yaml */
export const siteConfigSchema = z.strictObject({
  /** The site's name: in the header, after every page title, in the RSS feed. */
  title: z.string().min(1),
  /** One sentence: the home page's introduction and every page's default description. */
  description: z.string().min(1),
  /** Who the published results come from, completing "Published results are from …". */
  publisher: z.string().min(1),
  /** How sentences and chart labels name what was tested: "with SWIS", "SWIS schools". */
  programme: z.string().min(1),
  /** The evaluation as a phrase: "New data, follow-ups and amendments from …". */
  evaluation: z.string().min(1),
  /** Lines for the footer about licences, each a sentence. */
  licence: z.array(z.string().min(1)).default([]),
  /**
   * "Cite this page" on every findings page: who the findings are by, the title of the work as a
   * whole (after the page's own title) and the SPDX identifier of the licence of its text and results.
   */
  citation: z.strictObject({
    authors: z.array(z.string().min(1)).min(1),
    title: z.string().min(1),
    licence: z.string().regex(/^[A-Za-z0-9.+-]+$/, 'an SPDX licence identifier such as CC-BY-4.0 or MIT'),
  }),
  /**
   * The address the site is published at, such as https://example.org/findings/ (a path is
   * allowed: every page is then served under it). SITE_URL, when set, overrides it.
   */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Pages from content/pages to list in the main navigation, by file name, e.g. [for-schools]. */
  nav: z.array(z.string().regex(/^[a-z0-9-]+$/, 'a page file name without .mdx')).default([]),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Parses the text of site.yaml; `file` names it in problems. */
export function parseSiteConfig(
  file: string,
  text: string,
): { ok: true; config: SiteConfig } | { ok: false; problems: ContentProblem[] } {
  const loaded = loadYamlFile(file, text, {
    what: 'site settings',
    expected: 'valid YAML (key: value)',
    hint: 'Quote a value that contains a colon, e.g. title: "Findings: the trial".',
    empty: {},
  });
  if (!loaded.ok) return loaded;
  const data = loaded.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return {
      ok: false,
      problems: [
        contentProblem(file, 1, 1, 'site settings', 'keys written as name: value', 'something else'),
      ],
    };
  const keyLines = new Map<string, number>();
  const valueColumns = new Map<string, number>();
  text.split(/\r?\n/).forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*/.exec(l);
    if (m?.[1] && !keyLines.has(m[1])) {
      keyLines.set(m[1], i + 1);
      valueColumns.set(m[1], m[0].length + 1);
    }
  });
  const record = data as Record<string, unknown>;
  const problems = checkFrontmatter(
    file,
    { data: record, keyLines, valueColumns, body: '', bodyStartLine: 0 },
    siteConfigSchema,
  ).map((p) => ({ ...p, message: p.message.replace('frontmatter field', 'setting') }));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: siteConfigSchema.parse(record) };
}
