/**
 * `npm run check -- [--data data] [--content content] [--releases data/releases]`
 *
 * Validates everything a researcher edits, in seconds and without building the site: every
 * data file (the same loader `npm run results` uses), the release records, and every MDX file
 * (compiled as the build compiles it, frontmatter against the collections' zod schemas, result
 * components and their keys, internal links, scaffold text left in). Prints every problem as FILE:LINE[:COLUMN] and exits 1 if any.
 * Numbers typed into prose that look like results are warnings (FILE:LINE:COLUMN: warning: …) on
 * standard output; they do not fail the check.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  checkContent,
  contentId,
  typedNumberWarnings,
  type ContentFile,
} from '../src/lib/content/checkContent.ts';
import { compareProblems } from '../src/lib/content/frontmatter.ts';
import { mdxKeys } from '../src/lib/content/mdxKeys.ts';
import { parseGlossary } from '../src/lib/content/glossaryFile.ts';
import { studiesInFiles } from '../src/lib/content/studyChecks.ts';
import { parseSiteConfig } from '../src/lib/content/siteConfig.ts';
import { siteRoutes } from '../src/lib/content/siteRoutes.ts';
import { loadDataset } from '../src/lib/data/loadDataset.ts';
import { formatProblem } from '../src/lib/data/problems.ts';
import { authoritySlugs } from '../src/site/authoritySlugs.ts';
import { listReleases } from '../src/site/releases.ts';
import { mdxCompileProblems } from './lib/compileMdx.ts';
import { readDataFolder } from './lib/readDataFolder.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: process.env.DATA_DIR ?? 'data' },
    content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
    releases: { type: 'string', default: process.env.RELEASES_DIR ?? 'data/releases' },
  },
});
const dataDir = args.data.replace(/\/+$/, '');
const contentDir = args.content.replace(/\/+$/, '');
const messages: string[] = [];

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((d) => d.isFile())
        .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
        .sort()
    : [];

// 1. Data: the loader used by `npm run results`.
let keys = null;
let authorities: { laCode: string; name: string }[] = [];
let dataOk = false;
// The studies whose folders are present, known even when their files have problems.
let studies: string[] = [];
try {
  const folder = readDataFolder(dataDir);
  studies = studiesInFiles(folder.files.keys());
  const loaded = loadDataset(folder.files, { root: dataDir });
  messages.push(...folder.problems.map(formatProblem));
  if (loaded.ok) {
    dataOk = folder.problems.length === 0;
    keys = mdxKeys(loaded.data);
    authorities = loaded.data.authorities.map((a) => ({ laCode: a.la_code, name: a.la_name }));
  } else messages.push(...loaded.problems.map(formatProblem));
} catch {
  messages.push(`${dataDir}: expected a data folder, found none`);
}

// 2. Releases: valid records whose archived files are intact.
try {
  for (const r of listReleases(args.releases)) {
    for (const f of r.files) {
      const path = join(args.releases, r.version, f.name);
      const sha = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
      if (sha !== f.sha256)
        messages.push(
          `${path}: expected the file recorded in release.json (SHA-256 ${f.sha256.slice(0, 12)}…), found ${sha ? 'a changed file' : 'no file'}. Released files must not change; make a new release instead.`,
        );
    }
  }
} catch (e) {
  messages.push((e as Error).message);
}

// 3. Site settings (with the citation the findings pages read): content/site.yaml against its schema.
const siteFile = join(contentDir, 'site.yaml');
if (existsSync(siteFile)) {
  const parsed = parseSiteConfig(siteFile, readFileSync(siteFile, 'utf8'));
  if (!parsed.ok) messages.push(...parsed.problems.map((p) => p.message));
} else
  messages.push(
    `${siteFile}: expected the site's settings (title, description, publisher, programme, evaluation, citation), found no file`,
  );

// The study's glossary, when it has one: content/glossary.yaml against its schema.
const glossaryFile = join(contentDir, 'glossary.yaml');
if (existsSync(glossaryFile)) {
  const parsed = parseGlossary(glossaryFile, readFileSync(glossaryFile, 'utf8'));
  if (!parsed.ok) messages.push(...parsed.problems.map((p) => p.message));
}

// 4. Content: frontmatter, components and keys, internal links.
const content: ContentFile[] = (['findings', 'updates', 'pages'] as const).flatMap((collection) =>
  filesUnder(join(contentDir, collection))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const path = `${contentDir}/${collection}/${f}`;
      return { path, collection, text: readFileSync(path, 'utf8') };
    }),
);
const ids = (collection: string) =>
  content.filter((c) => c.collection === collection).map((c) => contentId(c.path));
const known: Record<string, string[]> = {
  'findings/[slug]': ids('findings'),
  'updates/[slug]': ids('updates'),
  '[page]': ids('pages'),
};
if (dataOk) {
  try {
    known['authorities/[slug]'] = [...authoritySlugs(authorities).values()];
  } catch (e) {
    messages.push(`${dataDir}/authorities.csv: ${(e as Error).message}`);
  }
}
const routes = siteRoutes(filesUnder('src/pages'), known, filesUnder('public'));
// Compiled as the build compiles it, so invalid MDX is found here and not by the build.
const compiled = await mdxCompileProblems(content);
messages.push(
  ...[...checkContent(content, routes, keys, studies), ...compiled]
    .sort(compareProblems)
    .map((p) => p.message),
);

// 5. Warnings: numbers typed into prose that look like results. They do not fail the check.
const warnings = typedNumberWarnings(content);
for (const w of warnings) console.log(w);

if (messages.length > 0) {
  for (const m of messages) console.error(m);
  console.error(`check: ${messages.length} problem(s); fix them and run \`npm run check\` again`);
  process.exitCode = 1;
} else {
  console.log(
    `check: ${dataDir}, ${args.releases} and ${content.length} MDX files in ${contentDir} are valid; internal links all lead to pages${warnings.length > 0 ? `; ${warnings.length} warning(s) above` : ''}`,
  );
}
