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
import { consoleEffects, type ConsoleEffects } from './lib/consoleEffects.ts';
import { readDataFolder } from './lib/readDataFolder.ts';
import { invokedAsScript } from './lib/invokedAsScript.ts';

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((d) => d.isFile())
        .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
        .sort()
    : [];

/** Where the check's lines go: warnings and the verdict to `log`, problems to `error`. */
export type CheckEffects = ConsoleEffects;

/**
 * Runs the check with `argv` (the arguments after the script name) and returns its exit code: 0
 * when everything is valid (warnings allowed), 1 when anything has a problem. Exported so tests
 * can run it in-process with an in-memory `effects`, as they do the results command's main.
 */
export async function main(argv: readonly string[], effects: CheckEffects = consoleEffects): Promise<number> {
  const { values: args } = parseArgs({
    args: [...argv],
    options: {
      data: { type: 'string', default: process.env.DATA_DIR ?? 'data' },
      content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
      releases: { type: 'string', default: process.env.RELEASES_DIR ?? 'data/releases' },
    },
  });
  const dataDir = args.data.replace(/\/+$/, '');
  const contentDir = args.content.replace(/\/+$/, '');

  const data = checkData(dataDir);
  const content = readContent(contentDir);
  const messages = [
    ...data.problems,
    ...checkReleases(args.releases),
    ...checkSettings(contentDir),
    ...(await checkContentFiles(content, data, dataDir)),
  ];

  // 5. Warnings: numbers typed into prose that look like results. They do not fail the check.
  const warnings = typedNumberWarnings(content);
  for (const w of warnings) effects.log(w);

  if (messages.length > 0) {
    for (const m of messages) effects.error(m);
    effects.error(`check: ${messages.length} problem(s); fix them and run \`npm run check\` again`);
    return 1;
  }
  effects.log(
    `check: ${dataDir}, ${args.releases} and ${content.length} MDX files in ${contentDir} are valid; internal links all lead to pages${warnings.length > 0 ? `; ${warnings.length} warning(s) above` : ''}`,
  );
  return 0;
}

/** What the data check found, and what the content check needs from the data. */
interface DataCheck {
  problems: string[];
  /** The keys MDX components may name; null when the data did not load. */
  keys: ReturnType<typeof mdxKeys> | null;
  authorities: { laCode: string; name: string }[];
  /** Whether the data folder loaded with no problem at all. */
  ok: boolean;
  /** The studies whose folders are present, known even when their files have problems. */
  studies: string[];
}

/** 1. Data: the loader used by `npm run results`. */
function checkData(dataDir: string): DataCheck {
  const result: DataCheck = { problems: [], keys: null, authorities: [], ok: false, studies: [] };
  try {
    const folder = readDataFolder(dataDir);
    result.studies = studiesInFiles(folder.files.keys());
    const loaded = loadDataset(folder.files, { root: dataDir });
    result.problems.push(...folder.problems.map(formatProblem));
    if (loaded.ok) {
      result.ok = folder.problems.length === 0;
      result.keys = mdxKeys(loaded.data);
      result.authorities = loaded.data.authorities.map((a) => ({ laCode: a.la_code, name: a.la_name }));
    } else result.problems.push(...loaded.problems.map(formatProblem));
  } catch {
    result.problems.push(`${dataDir}: expected a data folder, found none`);
  }
  return result;
}

/** 2. Releases: valid records whose archived files are intact. */
function checkReleases(releasesDir: string): string[] {
  const problems: string[] = [];
  try {
    for (const r of listReleases(releasesDir)) {
      for (const f of r.files) {
        const path = join(releasesDir, r.version, f.name);
        const sha = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null;
        if (sha !== f.sha256)
          problems.push(
            `${path}: expected the file recorded in release.json (SHA-256 ${f.sha256.slice(0, 12)}…), found ${sha ? 'a changed file' : 'no file'}. Released files must not change; make a new release instead.`,
          );
      }
    }
  } catch (e) {
    problems.push((e as Error).message);
  }
  return problems;
}

/**
 * 3. Site settings (with the citation the findings pages read): content/site.yaml against its
 * schema; and the study's glossary, when it has one, against its own.
 */
function checkSettings(contentDir: string): string[] {
  const problems: string[] = [];
  const siteFile = join(contentDir, 'site.yaml');
  if (existsSync(siteFile)) {
    const parsed = parseSiteConfig(siteFile, readFileSync(siteFile, 'utf8'));
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => p.message));
  } else
    problems.push(
      `${siteFile}: expected the site's settings (title, description, publisher, programme, evaluation, citation), found no file`,
    );
  const glossaryFile = join(contentDir, 'glossary.yaml');
  if (existsSync(glossaryFile)) {
    const parsed = parseGlossary(glossaryFile, readFileSync(glossaryFile, 'utf8'));
    if (!parsed.ok) problems.push(...parsed.problems.map((p) => p.message));
  }
  return problems;
}

/** Every MDX file of the findings, updates and pages collections, with its text. */
function readContent(contentDir: string): ContentFile[] {
  return (['findings', 'updates', 'pages'] as const).flatMap((collection) =>
    filesUnder(join(contentDir, collection))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => {
        const path = `${contentDir}/${collection}/${f}`;
        return { path, collection, text: readFileSync(path, 'utf8') };
      }),
  );
}

/** 4. Content: frontmatter, components and keys, internal links, and compiling as the build does. */
async function checkContentFiles(
  content: ContentFile[],
  data: DataCheck,
  dataDir: string,
): Promise<string[]> {
  const problems: string[] = [];
  const ids = (collection: string) =>
    content.filter((c) => c.collection === collection).map((c) => contentId(c.path));
  const known: Record<string, string[]> = {
    'findings/[slug]': ids('findings'),
    'updates/[slug]': ids('updates'),
    '[page]': ids('pages'),
  };
  if (data.ok) {
    try {
      known['authorities/[slug]'] = [...authoritySlugs(data.authorities).values()];
    } catch (e) {
      problems.push(`${dataDir}/authorities.csv: ${(e as Error).message}`);
    }
  }
  const routes = siteRoutes(filesUnder('src/pages'), known, filesUnder('public'));
  // Compiled as the build compiles it, so invalid MDX is found here and not by the build.
  const compiled = await mdxCompileProblems(content);
  problems.push(
    ...[...checkContent(content, routes, data.keys, data.studies), ...compiled]
      .sort(compareProblems)
      .map((p) => p.message),
  );
  return problems;
}

if (invokedAsScript(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
