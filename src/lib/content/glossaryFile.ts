/**
 * content/glossary.yaml: the study's own words for the glossary (its outcomes, its services, its
 * acronyms), a list of entries each checked against one zod schema, so that every problem names
 * the file, the line of the entry, what was expected and what was found. The site adds the
 * statistical terms its own pages use (src/site/glossary.ts). Used by the build and `npm run check`.
 */
import { z } from 'zod';
import { checkFrontmatter, contentProblem, type ContentProblem } from './frontmatter.ts';
import { loadYamlFile } from './yamlFile.ts';

/** One glossary entry: `id` is its anchor on /glossary/ and what <Term id="…"> names. */
export const glossaryEntrySchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens, e.g. child-in-need'),
  /** The entry's heading on /glossary/. */
  term: z.string().min(1),
  /** What a <Term> prints when the author gives no words of their own. */
  short: z.string().min(1),
  /** The definition, in plain English. */
  text: z.string().min(1),
});

export type GlossaryTerm = z.infer<typeof glossaryEntrySchema>;

/** Parses the text of glossary.yaml; `file` names it in problems. */
export function parseGlossary(
  file: string,
  text: string,
): { ok: true; terms: GlossaryTerm[] } | { ok: false; problems: ContentProblem[] } {
  const loaded = loadYamlFile(file, text, {
    what: 'glossary',
    expected: 'valid YAML',
    hint: 'Quote a definition that contains a colon, e.g. text: "Section 47: an enquiry …".',
    empty: [],
  });
  if (!loaded.ok) return loaded;
  const data = loaded.data;
  if (!Array.isArray(data))
    return {
      ok: false,
      problems: [
        contentProblem(
          file,
          1,
          1,
          'glossary',
          'a list of entries, each starting "- id: …"',
          'something else',
        ),
      ],
    };
  // js-yaml keeps no positions: an entry's keys are found on the lines from its "- " to the next.
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (/^-(\s|$)/.test(l) ? [i] : []));
  const problems: ContentProblem[] = [];
  const seen = new Map<string, number>();
  data.forEach((entry: unknown, i) => {
    const from = starts[i] ?? 0;
    const keyLines = new Map<string, number>();
    lines.slice(from, starts[i + 1] ?? lines.length).forEach((l, k) => {
      const m = /^(?:-\s+|\s+)([A-Za-z_][\w-]*)\s*:/.exec(l);
      if (m?.[1] && !keyLines.has(m[1])) keyLines.set(m[1], from + k + 1);
    });
    // A missing key is reported at the entry's first line.
    for (const key of Object.keys(glossaryEntrySchema.shape))
      if (!keyLines.has(key)) keyLines.set(key, from + 1);
    const record = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry : {};
    const found = checkFrontmatter(
      file,
      {
        data: record as Record<string, unknown>,
        keyLines,
        valueColumns: new Map(),
        body: '',
        bodyStartLine: 0,
      },
      glossaryEntrySchema,
    ).map((p) => ({
      ...p,
      message: p.message.replace('frontmatter field', `entry ${i + 1}, field`),
    }));
    problems.push(...found);
    const id = (record as { id?: unknown }).id;
    if (found.length === 0 && typeof id === 'string') {
      const line = keyLines.get('id') ?? from + 1;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, line);
      else
        problems.push(
          contentProblem(
            file,
            line,
            1,
            `entry ${i + 1}, field "id"`,
            'an id no other entry has',
            `"${id}", already on line ${first}`,
            'Give each entry its own id.',
          ),
        );
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, terms: data.map((e) => glossaryEntrySchema.parse(e)) };
}
