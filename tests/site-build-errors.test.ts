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
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { root, runScript } from './helpers/runScript.ts';

// Builds the real site as `npm run build` does after the results (scripts/build.ts) from a scratch
// content folder (CONTENT_DIR) into a scratch dist, so the repository's content/ and dist/ are
// untouched.
const scratch = mkdtempSync(join(tmpdir(), 'swis-site-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Astro colours its log; compare the plain text.
const stripAnsi = (text: string) =>
  text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');

function buildWith(
  name: string,
  mdx: string,
  collection: 'findings' | 'updates' | 'pages' = 'findings',
  outDir = join(scratch, name, 'dist'),
) {
  const dir = join(scratch, name);
  for (const c of ['findings', 'updates', 'pages']) mkdirSync(join(dir, 'content', c), { recursive: true });
  // Every content folder has its site settings and glossary; the bad MDX file is the only problem.
  // The scratch folder has none of the repository's pages, so its menu (`nav`) lists none.
  for (const f of ['site.yaml', 'glossary.yaml'])
    writeFileSync(
      join(dir, 'content', f),
      readFileSync(join(root, 'content', f), 'utf8').replace(/^nav:\n(?: +- .*\n)*/m, ''),
    );
  writeFileSync(join(dir, 'content', collection, 'bad.mdx'), mdx);
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

test('an unknown <Estimate> key in MDX fails the build naming the component, the key and the page', () => {
  const r = buildWith(
    'estimate',
    '---\ntitle: Bad\nsummary: A mistyped key.\nstudy: trial\nupdated: 2025-01-01\n---\n\nResult: <Estimate study="trial" outcome="s74" analysis="adjusted" />\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toContain(
    '<Estimate study="trial" outcome="s74" analysis="adjusted" scope="overall" />: no such estimate',
  );
  expect(r.output).toContain('/findings/bad/');
  expect(r.output).toMatch(/findings\/bad\.mdx: <Estimate study="trial"/);
});

test('a bad <Figure> prop in an update fails the build at the file and line, naming the prop, what was expected and what was found', () => {
  const r = buildWith(
    'figure',
    '---\ntitle: Bad\ndate: 2024-10-02\nsummary: A mistyped chart prop.\nauthors: [Editors]\n---\n\nText.\n\n<Figure chart="trial-forest" />\n\n<Figure chart="pilot-forest" outcome="s47" colour="red" />\n',
    'updates',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(
    /updates\/bad\.mdx:12:1: <Figure> prop "colour": expected only the props chart="pilot-forest" takes \(outcome, heading, level\), found an unknown prop; check the spelling\./,
  );
});

test('an unknown <Term> id in MDX fails the build naming the MDX file, the component and the id', () => {
  const r = buildWith(
    'term',
    '---\ntitle: Bad\nsummary: A mistyped term.\nstudy: trial\nupdated: 2025-01-01\n---\n\nAn <Term id="s74">enquiry</Term>.\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(/findings\/bad\.mdx: <Term id="s74" \/>: no such term in the glossary/);
  expect(r.output).toContain('Terms that exist: referral, s17, s47');
});

test('an unknown <Rate> key in MDX fails the build naming the MDX file, the component and the key', () => {
  const r = buildWith(
    'rate',
    '---\ntitle: Bad\nsummary: A mistyped rate.\nstudy: trial\nupdated: 2025-01-01\n---\n\nA rate: <Rate study="trial" outcome="s47" group="swis" period="after" />.\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(
    /findings\/bad\.mdx: <Rate study="trial" outcome="s47" group="swis" period="after" scope="overall" \/>: no such rate/,
  );
  expect(r.output).toContain('trial/s47/swis/followup');
});

test('an unknown <Fact> id in MDX fails the build naming the MDX file, the component and the id', () => {
  const r = buildWith(
    'fact',
    '---\ntitle: Bad\nsummary: A mistyped fact.\nstudy: trial\nupdated: 2025-01-01\n---\n\nThe trial had <Fact id="trial-schools-randomized" /> schools.\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(
    /findings\/bad\.mdx: <Fact id="trial-schools-randomized" \/>: no such fact in facts\.json/,
  );
  expect(r.output).toContain('trial-schools-randomised');
});

test('a frontmatter date not written YYYY-MM-DD fails the build at its file, line and column, with the ISO form meant', () => {
  const r = buildWith(
    'date-dmy',
    '---\ntitle: Bad\nsummary: A British date.\nstudy: trial\nupdated: 01/12/2026\n---\n\nText.\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(
    /findings\/bad\.mdx:5:10: frontmatter field "updated": expected a date written YYYY-MM-DD, found "01\/12\/2026"\. If you meant 1 December 2026, write 2026-12-01\./,
  );
});

test('an unquoted date that is not in the calendar fails the build instead of rolling over to March', () => {
  const r = buildWith(
    'date-rollover',
    '---\ntitle: Bad\nsummary: No such day.\nstudy: trial\nupdated: 2023-02-30\n---\n\nText.\n',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(
    /findings\/bad\.mdx:5:10: frontmatter field "updated": expected a date written YYYY-MM-DD, found "2023-02-30", which is not a day of the calendar\./,
  );
});

test('<Term> and <Rate> with good keys render in a scratch build, which replaces its folder whole', () => {
  // A file left from an earlier build must go: the new site replaces the folder, not merges into it.
  mkdirSync(join(scratch, 'good/dist'), { recursive: true });
  writeFileSync(join(scratch, 'good/dist/left-over.html'), 'an old page');
  const r = buildWith(
    'good',
    '---\ntitle: Good\nsummary: Good keys.\nstudy: trial\nupdated: 2025-01-01\n---\n\nA <Term id="s47" /> at <Rate study="trial" outcome="s47" group="swis" period="followup" interval={false} />.\n',
  );
  expect(r.status, r.output).toBe(0);
  const html = readFileSync(join(scratch, 'good/dist/findings/bad/index.html'), 'utf8');
  expect(html).toMatch(/<a class="term" href="\/glossary\/#s47" title="[^"]+">Section 47 enquiry<\/a>/);
  expect(html).toMatch(/<span class="rate">[\d.]+ per 1,000 pupils a year<\/span>/);
  expect(existsSync(join(scratch, 'good/dist/left-over.html'))).toBe(false);
  expect(existsSync(join(scratch, 'good/dist.partial'))).toBe(false);
  expect(r.output).toMatch(/build: .*good\/dist\/ replaced whole with the new site \(\d+ files\)/);
  // A clean log when it is not a terminal: no colour codes, no warning that is not the project's.
  expect(r.raw).not.toContain(String.fromCharCode(27));
  expect(r.raw).not.toContain('MODULE_LEVEL_DIRECTIVE');
  expect(r.raw).not.toContain('[WARN] [vite]');
});

test('a failed build leaves the last good site byte for byte, with nothing half-built beside it', () => {
  // The site the test above built; each broken update then fails a build into the same folder.
  const dist = join(scratch, 'good/dist');
  const before = hashes(dist);
  expect(before.has('findings/bad/index.html')).toBe(true);
  const update = (body: string) =>
    `---\ntitle: Broken\ndate: 2025-01-01\nsummary: A broken update.\nauthors: [Editors]\n---\n\n${body}\n`;
  const broken: Record<string, [mdx: string, error: string]> = {
    // Invalid MDX: fails while compiling, before any page is written.
    'braces-in-prose': [update('The result was {as expected} for everyone.'), 'Could not parse expression'],
    // A mistyped key: fails while pages are being written.
    'mistyped-key': [
      update('The estimate: <Estimate study="trial" outcome="s74" analysis="adjusted" />.'),
      'no such estimate in estimates.json',
    ],
  };
  for (const [name, [mdx, error]] of Object.entries(broken)) {
    const r = buildWith(name, mdx, 'updates', dist);
    expect(r.status, name).toBe(1);
    expect(r.output, name).toContain(error);
    expect(r.output, name).toContain('good/dist/ is unchanged and still holds the last good site');
    expect(hashes(dist), name).toEqual(before);
    expect(existsSync(`${dist}.partial`), name).toBe(false);
  }
});

test('a bad frontmatter field fails the build naming the file and the field', () => {
  const r = buildWith('frontmatter', '---\ntitle: Bad\nstudy: trail\nupdated: 2025-01-01\n---\n\nText.\n');
  expect(r.status).not.toBe(0);
  expect(r.output).toContain('bad.mdx');
  expect(r.output).toMatch(/summary/);
  expect(r.output).toMatch(/study/);
});

test('a bad frontmatter field in a prose page fails the build naming the file and the field', () => {
  const r = buildWith(
    'page-frontmatter',
    '---\ntitle: Bad\nsummary: A page.\nupdated: last spring\n---\n\nText.\n',
    'pages',
  );
  expect(r.status).not.toBe(0);
  expect(r.output).toMatch(/pages\/bad\.mdx/);
  expect(r.output).toMatch(/updated/);
});

test('a prose page renders at its own address, with <Fact> and the page chrome', () => {
  const r = buildWith(
    'page-good',
    '---\ntitle: About the trial\nsummary: A page.\nupdated: 2025-01-01\n---\n\nThe trial had <Fact id="trial-schools-randomised">schools</Fact>.\n',
    'pages',
  );
  expect(r.status, r.output).toBe(0);
  const html = readFileSync(join(scratch, 'page-good/dist/bad/index.html'), 'utf8');
  expect(html).toMatch(/<h1[^>]*>About the trial<\/h1>/);
  expect(html).toContain(
    'data-fact="trial-schools-randomised">268 schools <small class="fact-source">(source: <a href="https://orca.cardiff.ac.uk/177768" rel="noopener">',
  );
  expect(html).toContain('<time datetime="2025-01-01">1 January 2025</time>');
});
