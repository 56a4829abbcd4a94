/**
 * Compiles researchers' MDX as the site build does, without building: the processor and options
 * of src/integrations/markdownSetup.ts (Astro's Markdown defaults under them, as Astro resolves
 * them), driven as @astrojs/mdx drives it. A file that does not compile, such as `{as expected}`
 * in prose or a component tag left open, becomes a problem at its file, line and column.
 */
import { markdownConfigDefaults } from '@astrojs/internal-helpers/markdown';
import { SITE_MARKDOWN } from '../../src/integrations/markdownSetup.ts';
import { contentProblem, splitMdx, type ContentProblem } from '../../src/lib/content/frontmatter.ts';

/** One MDX file: its path for messages and its text. */
export interface MdxSource {
  path: string;
  text: string;
}

// What to do about the two kinds of mistake the compiler reports, told apart by its words.
const HINTS: readonly [RegExp, string][] = [
  [
    /expression|brace/i,
    'In MDX a "{" starts a code expression: to show a brace in the text, write "\\{" (and "\\}").',
  ],
  [
    /tag|`<`/i,
    'End each component on the line it starts, with "/>" (<Estimate … />) or a closing tag (<Term …>words</Term>); to show "<" in the text, write "\\<".',
  ],
];

/** The compiler's error as a problem: its `LINE:COLUMN: message (rule)` read into place and words. */
function compileProblem(file: string, error: unknown): ContentProblem {
  const text = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):(\d+):\s*(.*?)\s*(?:\(([\w:-]+)\))?$/s.exec(text);
  const message = (m?.[3] ?? text).replace(/\.$/, '');
  const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1] ?? '';
  return contentProblem(
    file,
    Number(m?.[1] ?? 1),
    Number(m?.[2] ?? 1),
    'MDX',
    'text, components and {expressions} the site can compile',
    `an error: ${message}`,
    hint,
  );
}

/**
 * Compiles every file; returns a problem for each that does not compile. Files whose frontmatter
 * cannot be split are skipped: the frontmatter check reports them.
 */
export async function mdxCompileProblems(files: readonly MdxSource[]): Promise<ContentProblem[]> {
  const markdown = { ...markdownConfigDefaults, ...SITE_MARKDOWN };
  const renderer = await markdown.processor.createMdxRenderer!(
    { syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig },
    { optimize: false, srcDir: new URL('../../src/', import.meta.url), sourcemap: false },
  );
  const problems: ContentProblem[] = [];
  for (const f of files) {
    const split = splitMdx(f.path, f.text);
    if (!split.ok) continue;
    // Blank lines in place of the frontmatter, as Astro does, so positions are the file's own.
    const body = '\n'.repeat(split.mdx.bodyStartLine - 1) + split.mdx.body;
    try {
      await renderer.process(body, f.path, split.mdx.data);
    } catch (e) {
      problems.push(compileProblem(f.path, e));
    }
  }
  return problems;
}
