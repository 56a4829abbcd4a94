import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { entryProblems } from '../src/lib/content/entryProblems.ts';
import { CONTENT_SCHEMAS } from '../src/lib/content/schemas.ts';
import { studiesPresent } from '../src/lib/content/studyChecks.ts';
import { RESULTS_SCHEMAS } from '../src/lib/contracts/resultsSchemas.ts';
import { HANG_GUARD_MS, root, runScript } from './helpers/runScript.ts';

// Mistakes in researchers' MDX, and what the build says about them. The sentences of mistyped
// component keys and props are checked by rendering the components alone
// (tests/mdx-component-errors.container.test.ts) and those of frontmatter by the check the
// content loader runs (below); here the real site is built as `npm run build` does after the
// results (scripts/build.ts), from scratch content folders (CONTENT_DIR) into scratch dists, so
// the repository's content/ and dist/ are untouched: one good build, then one failing build for
// each stage a mistake can stop it at.
const scratch = mkdtempSync(join(tmpdir(), 'swis-site-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Astro colours its log; compare the plain text.
const stripAnsi = (text: string) =>
  text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

/** Builds a scratch content folder holding `files` (e.g. `{ 'findings/bad.mdx': '…' }`). */
function buildWith(name: string, files: Record<string, string>, outDir = join(scratch, name, 'dist')) {
  const dir = join(scratch, name);
  for (const c of ['findings', 'updates', 'pages']) mkdirSync(join(dir, 'content', c), { recursive: true });
  // Every content folder has its site settings and glossary; the MDX files are the only content.
  // The scratch folder has none of the repository's pages, so its menu (`nav`) lists none.
  for (const f of ['site.yaml', 'glossary.yaml'])
    writeFileSync(
      join(dir, 'content', f),
      readFileSync(join(root, 'content', f), 'utf8').replace(/^nav:\n(?: +- .*\n)*/m, ''),
    );
  for (const [file, mdx] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, 'content', file)), { recursive: true });
    writeFileSync(join(dir, 'content', file), mdx);
  }
  const run = runScript('build.ts', ['--outDir', outDir], { env: { CONTENT_DIR: join(dir, 'content') } });
  return { status: run.status, output: stripAnsi(run.stdout + run.stderr), raw: run.stdout + run.stderr };
}

/** Every file under `dir` (hidden ones too) with its SHA-256. */
const hashes = (dir: string) =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

describe('a bad frontmatter field is refused by the check the build runs on each content file', () => {
  // src/content.config.ts runs entryProblems on every MDX file and fails the build with its
  // sentences; the last test of this file sees one do so in a real build.
  const studies = studiesPresent(
    RESULTS_SCHEMAS['dataset.json'].parse(
      JSON.parse(readFileSync(join(root, 'out', 'dataset.json'), 'utf8')),
    ),
  );
  const refused = (collection: keyof typeof CONTENT_SCHEMAS, mdx: string) =>
    entryProblems(`content/${collection}/bad.mdx`, mdx, collection, CONTENT_SCHEMAS[collection], studies)
      .map((p) => p.message)
      .join('\n');

  test('a frontmatter date not written YYYY-MM-DD, at its file, line and column, with the ISO form meant', () => {
    expect(
      refused(
        'findings',
        '---\ntitle: Bad\nsummary: A British date.\nstudy: trial\nupdated: 01/12/2026\n---\n\nText.\n',
      ),
    ).toMatch(
      /findings\/bad\.mdx:5:10: frontmatter field "updated": expected a date written YYYY-MM-DD, found "01\/12\/2026"\. If you meant 1 December 2026, write 2026-12-01\./,
    );
  });

  test('an unquoted date that is not in the calendar, instead of rolling over to March', () => {
    expect(
      refused(
        'findings',
        '---\ntitle: Bad\nsummary: No such day.\nstudy: trial\nupdated: 2023-02-30\n---\n\nText.\n',
      ),
    ).toMatch(
      /findings\/bad\.mdx:5:10: frontmatter field "updated": expected a date written YYYY-MM-DD, found "2023-02-30", which is not a day of the calendar\./,
    );
  });

  test('a bad field, naming the file and the field', () => {
    const message = refused('findings', '---\ntitle: Bad\nstudy: trail\nupdated: 2025-01-01\n---\n\nText.\n');
    expect(message).toContain('bad.mdx');
    expect(message).toMatch(/summary/);
    expect(message).toMatch(/study/);
  });

  test('a bad field in a prose page, naming the file and the field', () => {
    const message = refused(
      'pages',
      '---\ntitle: Bad\nsummary: A page.\nupdated: last spring\n---\n\nText.\n',
    );
    expect(message).toMatch(/pages\/bad\.mdx/);
    expect(message).toMatch(/updated/);
  });
});

describe('the real build of a scratch content folder', () => {
  // A finding with <Term> and <Rate> of good keys and a prose page with <Fact>, into a folder that
  // holds a file left from an earlier build: the new site must replace the folder, not merge into it.
  const good = join(scratch, 'good/dist');
  let build: ReturnType<typeof buildWith>;
  beforeAll(() => {
    mkdirSync(good, { recursive: true });
    writeFileSync(join(good, 'left-over.html'), 'an old page');
    build = buildWith('good', {
      'findings/bad.mdx':
        '---\ntitle: Good\nsummary: Good keys.\nstudy: trial\nupdated: 2025-01-01\n---\n\nA <Term id="s47" /> at <Rate study="trial" outcome="s47" group="swis" period="followup" interval={false} />.\n',
      'pages/bad.mdx':
        '---\ntitle: About the trial\nsummary: A page.\nupdated: 2025-01-01\n---\n\nThe trial had <Fact id="trial-schools-randomised">schools</Fact>.\n',
    });
  }, HANG_GUARD_MS);

  test('<Term> and <Rate> with good keys render, and the new site replaces its folder whole', () => {
    expect(build.status, build.output).toBe(0);
    const html = readFileSync(join(good, 'findings/bad/index.html'), 'utf8');
    expect(html).toMatch(/<a class="term" href="\/glossary\/#s47" title="[^"]+">Section 47 enquiry<\/a>/);
    expect(html).toMatch(/<span class="rate">[\d.]+ per 1,000 pupils a year<\/span>/);
    expect(existsSync(join(good, 'left-over.html'))).toBe(false);
    expect(existsSync(`${good}.partial`)).toBe(false);
    expect(build.output).toMatch(/build: .*good\/dist\/ replaced whole with the new site \(\d+ files\)/);
    // A clean log when it is not a terminal: no colour codes, no warning that is not the project's.
    expect(build.raw).not.toContain(String.fromCharCode(27));
    expect(build.raw).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(build.raw).not.toContain('[WARN] [vite]');
  });

  test('a prose page renders at its own address, with <Fact> and the page chrome', () => {
    expect(build.status, build.output).toBe(0);
    const html = readFileSync(join(good, 'bad/index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>About the trial<\/h1>/);
    expect(html).toContain(
      'data-fact="trial-schools-randomised">268 schools <small class="fact-source">(source: <a href="https://orca.cardiff.ac.uk/177768" rel="noopener">',
    );
    expect(html).toContain('<time datetime="2025-01-01">1 January 2025</time>');
  });

  test(
    'a failed build says why and where, and leaves the last good site byte for byte, with nothing half-built beside it',
    () => {
      // The site the tests above built; each broken update then fails a build into the same folder,
      // at each stage a build can stop at.
      const before = hashes(good);
      expect(before.has('findings/bad/index.html')).toBe(true);
      const update = (body: string, date = '2025-01-01') =>
        `---\ntitle: Broken\ndate: ${date}\nsummary: A broken update.\nauthors: [Editors]\n---\n\n${body}\n`;
      const broken: Record<string, [mdx: string, errors: (string | RegExp)[]]> = {
        // A bad frontmatter field: the content loader refuses the file before anything is compiled.
        'bad-frontmatter': [
          update('Text.', '01/10/2025'),
          [
            /updates\/bad\.mdx:3:7: frontmatter field "date": expected a date written YYYY-MM-DD, found "01\/10\/2025"\. If you meant 1 October 2025, write 2025-10-01\./,
          ],
        ],
        // Invalid MDX: fails while compiling, before any page is written.
        'braces-in-prose': [
          update('The result was {as expected} for everyone.'),
          ['Could not parse expression'],
        ],
        // A mistyped key: fails while pages are being written, naming the page, the MDX file, the
        // component and the key.
        'mistyped-key': [
          update('The estimate: <Estimate study="trial" outcome="s74" analysis="adjusted" />.'),
          [
            '/updates/bad/',
            /updates\/bad\.mdx: <Estimate study="trial" outcome="s74" analysis="adjusted" scope="overall" \/>: no such estimate in estimates\.json/,
          ],
        ],
      };
      for (const [name, [mdx, errors]] of Object.entries(broken)) {
        const r = buildWith(name, { 'updates/bad.mdx': mdx }, good);
        expect(r.status, name).toBe(1);
        for (const error of errors)
          if (typeof error === 'string') expect(r.output, name).toContain(error);
          else expect(r.output, name).toMatch(error);
        expect(r.output, name).toContain('good/dist/ is unchanged and still holds the last good site');
        expect(hashes(good), name).toEqual(before);
        expect(existsSync(`${good}.partial`), name).toBe(false);
      }
    },
    3 * HANG_GUARD_MS,
  );
});
