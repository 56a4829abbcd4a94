/**
 * Checks researchers' MDX without building the site: frontmatter against the collection's
 * schema, the result components and their keys, internal links, and leftover scaffold text.
 * Pure: the check script reads the files and the data and passes them in.
 */
import { CONTENT_SCHEMAS } from './schemas.ts';
import {
  checkFrontmatter,
  compareProblems,
  contentProblem,
  splitMdx,
  type ContentProblem,
} from './frontmatter.ts';
import { componentAttributes, type ComponentName } from './componentProps.ts';
import { figureProblem, figurePropProblems } from './figureProps.ts';
import { findComponents, findLinks, type ComponentUse } from './mdxBody.ts';
import { keyOf, type MdxKeys } from './mdxKeys.ts';
import { findTypedNumbers } from './typedNumbers.ts';
import { hasRoute, internalPath, type SiteRoutes } from './siteRoutes.ts';
import { relatedFindingProblems, studyFieldProblems } from './studyChecks.ts';

/** Text `npm run new:update` leaves for the researcher to replace; publishing it is a problem. */
export const SCAFFOLD_MARKER = 'REPLACE ME:';

type Collection = keyof typeof CONTENT_SCHEMAS;

/**
 * The components each collection's pages pass to MDX, and which data their keys are checked
 * against. The attributes each takes come from its props schema (componentProps.ts, and
 * figureProps.ts for <Figure>), the one the component parses with.
 */
export const MDX_COMPONENTS: Readonly<
  Record<
    ComponentName | 'Figure',
    { collections: readonly Collection[]; keys?: 'estimate' | 'published' | 'table' | 'figure' }
  >
> = {
  Estimate: { collections: ['findings', 'updates', 'pages'], keys: 'estimate' },
  Published: { collections: ['findings', 'updates', 'pages'], keys: 'published' },
  ComputedVsPublished: { collections: ['findings'], keys: 'published' },
  EstimatesTable: { collections: ['findings'], keys: 'table' },
  Verdict: { collections: ['findings', 'updates', 'pages'], keys: 'estimate' },
  TrialForest: { collections: ['findings'] },
  TrialSummaries: { collections: ['findings', 'pages'] },
  PilotForest: { collections: ['findings'] },
  TrialConsort: { collections: ['findings'] },
  // The keys of these three are checked by the build (the component names the MDX file); here
  // only their names and attributes.
  Rate: { collections: ['findings', 'updates', 'pages'] },
  Term: { collections: ['findings', 'updates', 'pages'] },
  Fact: { collections: ['findings', 'updates', 'pages'] },
  Figure: { collections: ['findings', 'updates', 'pages'], keys: 'figure' },
  // Content pages' layout (the home page, the page for schools).
  Lede: { collections: ['pages'] },
  KeyFigures: { collections: ['pages'] },
  KeyFigure: { collections: ['pages'] },
  Timeline: { collections: ['pages'] },
  Milestone: { collections: ['pages'] },
  LatestUpdates: { collections: ['pages'] },
  FindingsList: { collections: ['pages'] },
  IfSynthetic: { collections: ['pages'] },
  SchoolFrequency: { collections: ['pages'] },
  SchoolFrequencies: { collections: ['pages'] },
  AuthorityFrequencies: { collections: ['pages'] },
  EffectList: { collections: ['pages'] },
};

/** One MDX file to check: its path for messages, its collection and its text. */
export interface ContentFile {
  path: string;
  collection: Collection;
  text: string;
}

function checkComponent(
  file: string,
  collection: Collection,
  use: ComponentUse,
  keys: MdxKeys | null,
): ContentProblem[] {
  const at = (what: string, expected: string, found: string, hint = '') =>
    contentProblem(file, use.line, use.column, what, expected, found, hint);
  const rule = Object.hasOwn(MDX_COMPONENTS, use.name)
    ? MDX_COMPONENTS[use.name as keyof typeof MDX_COMPONENTS]
    : undefined;
  const allowed = Object.entries(MDX_COMPONENTS)
    .filter(([, r]) => r.collections.includes(collection))
    .map(([n]) => `<${n}>`);
  if (!rule || !rule.collections.includes(collection))
    return [
      at(
        `component <${use.name}>`,
        `one of the components ${collection} pages provide: ${allowed.join(', ')}`,
        `<${use.name}>`,
      ),
    ];
  if (rule.keys === 'figure') return checkFigure(file, use, keys);
  const problems: ContentProblem[] = [];
  const { required, optional } = componentAttributes(use.name as ComponentName);
  for (const name of required)
    if (!use.attributes.has(name)) problems.push(at(`<${use.name}>`, `a "${name}" attribute`, 'none'));
  for (const name of use.attributes.keys())
    if (!required.includes(name) && !optional.includes(name))
      problems.push(
        at(
          `<${use.name}>`,
          `only the attributes ${[...required, ...optional].join(', ')}`,
          `an unknown attribute "${name}"`,
          'Check the spelling.',
        ),
      );
  if (problems.length > 0 || !keys || !rule.keys) return problems;
  const a = (n: string) => use.attributes.get(n);
  if ([...use.attributes.values()].some((v) => v === null)) return problems; // {expressions}: known only at build
  const scope = a('scope') ?? 'overall';
  if (rule.keys === 'table') {
    if (!keys.tables.has(`${a('study')}/${scope}`))
      problems.push(
        at(
          `<${use.name}>`,
          `a study and scope with estimates (${[...keys.tables].filter((k) => k.endsWith('/overall')).join(', ')})`,
          `study="${a('study')}" scope="${scope}"`,
        ),
      );
    return problems;
  }
  const key = keyOf(a('study') ?? '', a('outcome') ?? '', a('analysis') ?? '', scope);
  // <Verdict published> words a published estimate, so its key must be one.
  const kind = rule.keys === 'estimate' && use.attributes.has('published') ? 'published' : rule.keys;
  const set = kind === 'estimate' ? keys.estimates : keys.published;
  if (!set.has(key)) {
    const overall = [...set].filter((k) => k.endsWith('/overall')).map((k) => k.replace(/\/overall$/, ''));
    problems.push(
      at(
        `<${use.name}>`,
        kind === 'estimate'
          ? `an estimate the data can give (study/outcome/analysis, overall: ${overall.join(', ')})`
          : `a row of published/estimates.csv (${overall.join(', ') || 'none'})`,
        `study="${a('study')}" outcome="${a('outcome')}" analysis="${a('analysis')}" scope="${scope}"`,
      ),
    );
  }
  return problems;
}

/** A content file's id, as its address uses it: the file name without `.mdx`, lower case. */
export const contentId = (path: string) =>
  path
    .replace(/^.*\//, '')
    .replace(/\.mdx$/, '')
    .toLowerCase();

/**
 * A <Figure>: its props against the component's own schema (an {expression} is known only at
 * build), then, with valid data, whether the data have what the chart draws.
 */
function checkFigure(file: string, use: ComponentUse, keys: MdxKeys | null): ContentProblem[] {
  // A bare attribute (`published`) is true in JSX; mdxBody reads it as "".
  const written: Record<string, string | true> = Object.fromEntries(
    [...use.attributes].flatMap(([k, v]) => (v === null ? [] : [[k, v === '' ? true : v] as const])),
  );
  const problems = figurePropProblems(written)
    .filter((p) => use.attributes.get(p.prop) !== null)
    .map((p) => figureProblem(file, use.line, use.column, p));
  if (problems.length > 0 || !keys) return problems;
  const at = (prop: string, expected: string, found: string) =>
    figureProblem(file, use.line, use.column, { prop, expected, found });
  const text = (k: string) => (typeof written[k] === 'string' ? written[k] : undefined);
  const outcome = text('outcome');
  const outcomes = (set: Set<string>, prefix: string, suffix: string) =>
    [...set].filter((k) => k.startsWith(prefix) && k.endsWith(suffix)).map((k) => k.split('/')[1]);
  switch (written['chart']) {
    case 'pilot-forest':
      if (outcome !== undefined && !keys.estimates.has(keyOf('pilot', outcome, 'did', 'overall')))
        problems.push(
          at(
            'outcome',
            `an outcome the pilot measured (${outcomes(keys.estimates, 'pilot/', '/did/overall').join(', ') || 'none: this build has no pilot'})`,
            JSON.stringify(outcome),
          ),
        );
      break;
    case 'school-frequencies':
      if (outcome !== undefined && !keys.published.has(keyOf('trial', outcome, 'adjusted', 'overall')))
        problems.push(
          at(
            'outcome',
            `an outcome with a published adjusted trial result in published/estimates.csv (${outcomes(keys.published, 'trial/', '/adjusted/overall').join(', ') || 'none'})`,
            JSON.stringify(outcome),
          ),
        );
      break;
    case 'result': {
      const published = written['published'] === true;
      const set = published ? keys.published : keys.estimates;
      const key = keyOf(text('study') ?? '', outcome ?? '', text('analysis') ?? '', 'overall');
      if (!set.has(key))
        problems.push(
          at(
            'outcome',
            `a ${published ? 'published' : 'computed'} overall estimate that exists (study/outcome/analysis: ${[
              ...set,
            ]
              .filter((k) => k.endsWith('/overall'))
              .map((k) => k.slice(0, -'/overall'.length))
              .join(', ')})`,
            `${text('study')}/${outcome}/${text('analysis')}`,
          ),
        );
      break;
    }
    case 'trial-forest':
    case 'trial-differences':
    case 'trial-consort':
      if (!keys.tables.has('trial/overall'))
        problems.push(
          at('chart', 'a chart of a study this build has', `"${written['chart']}", but there is no trial`),
        );
      break;
  }
  return problems;
}

/**
 * Every problem in `files`, in file and line order. `keys` is null when the data itself has
 * problems (reported separately), so component keys are not checked against it. `studies` are
 * the studies the data folder holds, which findings and updates may name.
 */
export function checkContent(
  files: readonly ContentFile[],
  routes: SiteRoutes,
  keys: MdxKeys | null,
  studies: readonly string[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const findings = files.filter((f) => f.collection === 'findings').map((f) => contentId(f.path));
  for (const f of files) {
    const split = splitMdx(f.path, f.text);
    if (!split.ok) {
      problems.push(split.problem);
      continue;
    }
    const { mdx } = split;
    problems.push(...checkFrontmatter(f.path, mdx, CONTENT_SCHEMAS[f.collection]));
    problems.push(...studyFieldProblems(f.path, f.collection, mdx, studies));
    if (f.collection === 'updates') problems.push(...relatedFindingProblems(f.path, mdx, findings));
    f.text.split(/\r?\n/).forEach((line, i) => {
      const col = line.indexOf(SCAFFOLD_MARKER);
      if (col >= 0)
        problems.push(
          contentProblem(
            f.path,
            i + 1,
            col + 1,
            'scaffold text',
            'your own words',
            JSON.stringify(line.trim()),
            `Replace the text after "${SCAFFOLD_MARKER}".`,
          ),
        );
    });
    for (const use of findComponents(mdx.body, mdx.bodyStartLine))
      problems.push(...checkComponent(f.path, f.collection, use, keys));
    const id = contentId(f.path);
    if (f.collection === 'pages' && routes.reserved.has(id))
      problems.push(
        contentProblem(
          f.path,
          1,
          1,
          'page name',
          `a name no page built from code has (not ${[...routes.reserved].sort().join(', ')})`,
          `"${id}", whose address /${id}/ is a page built from code`,
          'Rename the file.',
        ),
      );
    const pagePath = `/${f.collection}/${id}/`;
    for (const link of findLinks(mdx.body, mdx.bodyStartLine)) {
      const path = internalPath(link.href, pagePath);
      if (path === null) continue;
      // MDX hands a tag written <a href> to the page as it is, so it misses the site's base path
      // (a site published under /swis/); a markdown link goes through Link.astro, which adds it.
      if (link.written === 'attribute' && link.href.startsWith('/'))
        problems.push(
          contentProblem(
            f.path,
            link.line,
            link.column,
            'link',
            `a markdown link such as [the text](${link.href})`,
            `href="${link.href}" in a tag`,
            'A tag keeps its address as written, which breaks when the site is published under a path; markdown links are adjusted.',
          ),
        );
      // Markdown images are not links: nothing adds the base path to an image at the site's root.
      if (link.written === 'image' && link.href.startsWith('/'))
        problems.push(
          contentProblem(
            f.path,
            link.line,
            link.column,
            'image',
            'an image beside the MDX file, such as ![the description](./chart.png)',
            `"${link.href}", an address from the site's root`,
            "Put the image in the MDX file's folder: the build gives it the right address wherever the site is published.",
          ),
        );
      // A relative image is a file beside the MDX, which the build copies; it is no page address.
      if (link.written === 'image') continue;
      const found = hasRoute(routes, path);
      if (!found.ok)
        problems.push(
          contentProblem(
            f.path,
            link.line,
            link.column,
            'link',
            'an address on this site',
            `"${link.href}", which no page has`,
            found.suggestion
              ? `Did you mean "${found.suggestion}"? Addresses on this site end with a slash.`
              : '',
          ),
        );
    }
  }
  return problems.sort(compareProblems);
}

/**
 * Warnings, not problems: numbers typed into prose that look like results (see typedNumbers.ts),
 * each as `FILE:LINE:COLUMN: warning: …`, in file and line order.
 */
export function typedNumberWarnings(files: readonly ContentFile[]): string[] {
  return files.flatMap((f) => {
    const split = splitMdx(f.path, f.text);
    if (!split.ok) return [];
    return findTypedNumbers(split.mdx.body, split.mdx.bodyStartLine).map(
      (n) =>
        `${f.path}:${n.line}:${n.column}: warning: "${n.text}" is typed into the prose and looks like a result. Use a component (<Estimate>, <Rate>, <Fact>, <Verdict>) so that it comes from the data, changes with it and shows its source; dates, section numbers and "95% confidence interval" are not warned about.`,
    );
  });
}
