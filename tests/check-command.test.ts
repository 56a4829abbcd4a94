import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { main } from '../scripts/check.ts';
import { root, runScript } from './helpers/runScript.ts';

let work: string;
const args = () => [
  '--data',
  join(work, 'data'),
  '--content',
  join(work, 'content'),
  '--releases',
  join(work, 'data/releases'),
];
/** `npm run check` as a reader runs it: its own process, its exit code and its two streams. */
const command = () => runScript('check.ts', args());
/**
 * The same check in this process (scripts/check.ts's main), its lines collected as the command
 * prints them: warnings and the verdict on stdout, problems on stderr. The cases that run
 * `command()` keep the real exit codes and streams covered.
 */
const check = async () => {
  const out = { stdout: '', stderr: '' };
  const status = await main(args(), {
    log: (line) => (out.stdout += `${line}\n`),
    error: (line) => (out.stderr += `${line}\n`),
  });
  return { status, ...out };
};
const edit = (rel: string, from: string | RegExp, to: string) => {
  const path = join(work, rel);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${rel}`);
  writeFileSync(path, next);
};

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'swis-check-'));
  for (const d of ['data', 'content']) cpSync(join(root, d), join(work, d), { recursive: true });
});

describe('npm run check', () => {
  test('passes on the repository as it is', () => {
    const r = command();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/check: .* are valid; internal links all lead to pages/);
  });

  test('lists every problem in data, frontmatter and links with file and line, and exits 1', () => {
    edit('data/trial/schools.csv', /^(T003,[^\n]*),analysed$/m, '$1,analysd');
    edit('content/findings/trial.mdx', /^study: trial$/m, 'study: trail');
    edit('content/findings/trial.mdx', '[authority page](/authorities/)', '[authority page](/authorites/)');
    edit('content/updates/2020-09-trial-begins.mdx', /^date: .*$/m, 'date: 2020-02-30');
    const r = command();
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    const trialMdx = readFileSync(join(work, 'content/findings/trial.mdx'), 'utf8').split('\n');
    const linkLine = trialMdx.findIndex((l) => l.includes('/authorites/')) + 1;
    const linkColumn = trialMdx[linkLine - 1]!.indexOf('](/authorites/)') + 3;
    expect(lines).toEqual([
      `${work}/data/trial/schools.csv:4: column "status": expected one of "analysed", "withdrawn" or "lost_to_follow_up", found "analysd".`,
      `${work}/content/findings/trial.mdx:4:8: frontmatter field "study": expected a study with data in the data folder (trial, pilot), found "trail". Name the study whose results the page shows, or leave the field out for a page that shows no results of its own.`,
      `${work}/content/findings/trial.mdx:${linkLine}:${linkColumn}: link: expected an address on this site, found "/authorites/", which no page has.`,
      `${work}/content/updates/2020-09-trial-begins.mdx:3:7: frontmatter field "date": expected a date written YYYY-MM-DD, found "2020-02-30", which is not a day of the calendar.`,
      'check: 4 problem(s); fix them and run `npm run check` again',
    ]);
  });

  test('reports a glossary entry and a site setting that break their schema, at file and line', async () => {
    edit('content/glossary.yaml', /^ {2}short: 'Section 47 enquiry'\n/m, '');
    edit('content/site.yaml', /^ {2}licence: MIT$/m, '  licence: MIT licence');
    const r = await check();
    expect(r.status).toBe(1);
    const glossary = readFileSync(join(work, 'content/glossary.yaml'), 'utf8').split('\n');
    const entry = glossary.findIndex((l) => l === '- id: s47') + 1;
    const site = readFileSync(join(work, 'content/site.yaml'), 'utf8').split('\n');
    expect(r.stderr).toContain(
      `${work}/content/glossary.yaml:${entry}:1: entry 3, field "short": expected a string, found nothing (the field is missing).`,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `content/site\\.yaml:${site.findIndex((l) => l.startsWith('citation:')) + 1}:\\d+: setting "citation\\.licence": expected an SPDX licence identifier`,
      ),
    );
  });

  test('refuses a date that is not ISO YYYY-MM-DD, quoted or not, with the ISO form probably meant', async () => {
    edit('content/updates/2020-09-trial-begins.mdx', /^date: .*$/m, 'date: 01/12/2026');
    edit('content/findings/trial.mdx', /^updated: .*$/m, "updated: '12/31/2025'");
    edit('content/pages/accessibility.mdx', /^updated: .*$/m, 'updated: 2025-03-04T10:00:00Z');
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${work}/content/findings/trial.mdx:5:10: frontmatter field "updated": expected a date written YYYY-MM-DD, found "12/31/2025". If you meant 31 December 2025, write 2025-12-31.`,
      `${work}/content/pages/accessibility.mdx:5:10: frontmatter field "updated": expected a date written YYYY-MM-DD, found "2025-03-04T10:00:00Z". If you meant 4 March 2025, write 2025-03-04.`,
      `${work}/content/updates/2020-09-trial-begins.mdx:3:7: frontmatter field "date": expected a date written YYYY-MM-DD, found "01/12/2026". If you meant 1 December 2026, write 2026-12-01.`,
      'check: 3 problem(s); fix them and run `npm run check` again',
    ]);
  });

  test('refuses a finding or update naming a study the data folder does not hold, and an unknown related finding', async () => {
    rmSync(join(work, 'data/pilot'), { recursive: true });
    edit(
      'content/updates/2023-03-results.mdx',
      /^relatedFindings: \[trial\]$/m,
      'relatedFindings: [trail]\namends: pilot',
    );
    const r = await check();
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(
      `${work}/content/findings/pilot.mdx:4:8: frontmatter field "study": expected a study with data in the data folder (trial), found "pilot". This data folder has no pilot/, so there are no pilot results to show: add the data (see data/README.md), or remove this finding.`,
    );
    const update = readFileSync(join(work, 'content/updates/2023-03-results.mdx'), 'utf8').split('\n');
    const at = (key: string) => update.findIndex((l) => l.startsWith(`${key}:`)) + 1;
    expect(lines).toContain(
      `${work}/content/updates/2023-03-results.mdx:${at('amends')}:9: frontmatter field "amends": expected a study with data in the data folder (trial), found "pilot". This data folder has no pilot/, so there are no pilot results to show: add the data (see data/README.md), or remove this field.`,
    );
    expect(lines).toContain(
      `${work}/content/updates/2023-03-results.mdx:${at('relatedFindings')}:18: frontmatter field "relatedFindings": expected the file names of findings in content/findings/ (dsl-supervision, pilot, trial), found "trail". Check the spelling, or remove the name.`,
    );
  });

  test('reports a mistyped MDX component key and a link missing its trailing slash', async () => {
    edit('content/findings/trial.mdx', 'analysis="unadjusted" />', 'analysis="unadjustd" />');
    edit(
      'content/findings/trial.mdx',
      '[authority page](/authorities/)',
      '[authority page](/findings/pilot)',
    );
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /trial\.mdx:\d+:\d+: <Estimate>: expected an estimate the data can give \(study\/outcome\/analysis, overall: .*trial\/s47\/unadjusted.*\), found study="trial" outcome="s47" analysis="unadjustd" scope="overall"\./,
    );
    expect(r.stderr).toMatch(
      /trial\.mdx:\d+:\d+: link: .*found "\/findings\/pilot", which no page has\. Did you mean "\/findings\/pilot\/"\?/,
    );
  });

  test('reports MDX the build cannot compile, braces in prose and a tag left open, at file, line and column', async () => {
    const append = (rel: string, text: string) => {
      const path = join(work, rel);
      writeFileSync(path, `${readFileSync(path, 'utf8')}${text}`);
      return readFileSync(path, 'utf8').split('\n');
    };
    const follow = append(
      'content/updates/2024-follow-up.mdx',
      '\nThe result was {as expected} for everyone.\n',
    );
    const results = append(
      'content/updates/2023-03-results.mdx',
      '\nSee <Estimate study="trial" outcome="s47" analysis="adjusted">\n\nMore text.\n',
    );
    const braceLine = follow.findIndex((l) => l.includes('{as expected}')) + 1;
    const tagLine = results.findIndex((l) => l.startsWith('See <Estimate')) + 1;
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${work}/content/updates/2023-03-results.mdx:${tagLine}:5: MDX: expected text, components and {expressions} the site can compile, found an error: Expected a closing tag for \`<Estimate>\` (${tagLine}:5) before the end of \`paragraph\`. End each component on the line it starts, with "/>" (<Estimate … />) or a closing tag (<Term …>words</Term>); to show "<" in the text, write "\\<".`,
      // The column of "expected", where the expression stops parsing, as the build reports it.
      `${work}/content/updates/2024-follow-up.mdx:${braceLine}:20: MDX: expected text, components and {expressions} the site can compile, found an error: Could not parse expression with oxc: Expected \`,\` or \`)\` but found \`Identifier\`. In MDX a "{" starts a code expression: to show a brace in the text, write "\\{" (and "\\}").`,
      'check: 2 problem(s); fix them and run `npm run check` again',
    ]);
  });

  test('checks <Figure> props against its schema and the data, naming the prop, what was expected and what was found', async () => {
    const update = 'content/updates/2024-follow-up.mdx';
    const figures = [
      '<Figure chart="trial-forest" />',
      '<Figure chart="forest" />',
      '<Figure chart="pilot-forest" outcome="s47" colour="red" />',
      '<Figure chart="school-frequencies" outcome="s47" pupils="ten" />',
      '<Figure chart="pilot-forest" outcome="nope" />',
      '<Figure chart="change-map" measure="absence" />',
      '<Figure chart="result" study="trial" outcome="s47" analysis="unadjusted" published />',
    ];
    writeFileSync(
      join(work, update),
      `${readFileSync(join(work, update), 'utf8')}\n${figures.join('\n\n')}\n`,
    );
    const text = readFileSync(join(work, update), 'utf8').split('\n');
    const line = (tag: string) => text.indexOf(tag) + 1;
    const r = await check();
    expect(r.status).toBe(1);
    const at = (tag: string) => `${work}/${update}:${line(tag)}:1: <Figure> prop`;
    expect(r.stderr.trim().split('\n')).toEqual([
      `${at(figures[1]!)} "chart": expected one of "trial-forest", "trial-differences", "trial-consort", "pilot-forest", "school-frequencies", "programme-map", "change-map", "before-after", "programme-trends", "authority-trend", "result", found "forest".`,
      `${at(figures[2]!)} "colour": expected only the props chart="pilot-forest" takes (outcome, heading, level), found an unknown prop; check the spelling.`,
      `${at(figures[3]!)} "pupils": expected a number, found "ten".`,
      // The outcomes listed are those the data allow (mdxKeys.ts), whatever they are.
      expect.stringMatching(
        new RegExp(
          `^${at(figures[4]!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} "outcome": expected an outcome the pilot measured \\([^)]*\\bs47\\b[^)]*\\), found "nope"\\.$`,
        ),
      ),
      `${at(figures[5]!)} "measure": expected one of "referrals", "s47_enquiries", "icpc", "cpp_starts", "cin_starts", "cla_starts", found "absence".`,
      // <Figure chart="result" published> draws a published estimate, so its key must be one.
      expect.stringMatching(
        new RegExp(
          `^${at(figures[6]!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} "outcome": expected a published overall estimate that exists \\(study/outcome/analysis: [^)]*\\btrial/s47/adjusted\\b[^)]*\\), found trial/s47/unadjusted\\.$`,
        ),
      ),
      'check: 6 problem(s); fix them and run `npm run check` again',
    ]);
  });

  test('refuses a root-relative address in an <a> tag or a markdown image, which would miss the base path of a site published under a path', async () => {
    const update = 'content/updates/2024-follow-up.mdx';
    writeFileSync(
      join(work, update),
      `${readFileSync(join(work, update), 'utf8')}\nSee <a href="/methodology/">the methodology</a> or [the glossary](/glossary/).\n\n![A chart](/chart.png)\n`,
    );
    const lines = readFileSync(join(work, update), 'utf8').split('\n');
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${work}/${update}:${lines.length - 3}:8: link: expected a markdown link such as [the text](/methodology/), found href="/methodology/" in a tag. A tag keeps its address as written, which breaks when the site is published under a path; markdown links are adjusted.`,
      `${work}/${update}:${lines.length - 1}:12: image: expected an image beside the MDX file, such as ![the description](./chart.png), found "/chart.png", an address from the site's root. Put the image in the MDX file's folder: the build gives it the right address wherever the site is published.`,
      'check: 2 problem(s); fix them and run `npm run check` again',
    ]);
  });

  test('refuses a content page named after a page built from code', async () => {
    cpSync(join(work, 'content/pages/accessibility.mdx'), join(work, 'content/pages/charts.mdx'));
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${work}/content/pages/charts.mdx:1:1: page name: expected a name no page built from code has (not 404, authorities, charts,`,
    );
    expect(r.stderr).toContain(
      'found "charts", whose address /charts/ is a page built from code. Rename the file.',
    );
  });

  test('reports an archived release whose version is not the year and month of its date', async () => {
    edit('data/releases/2024-10/release.json', '"date": "2024-10-01"', '"date": "2026-12-01"');
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${work}/data/releases/2024-10/release.json: not a valid release record: version: expected the year and month of the release's date 2026-12-01, that is 2026-12, found "2024-10". A release's version is the year and month of its date`,
    );
  });

  test('reports an archived release file that has been changed', async () => {
    writeFileSync(join(work, 'data/releases/2023-03/estimates.json'), '[]\n');
    const r = await check();
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${work}/data/releases/2023-03/estimates.json: expected the file recorded in release.json`,
    );
  });

  test('warns, without failing, about a result typed into prose, with file, line and column', () => {
    edit(
      'content/findings/trial.mdx',
      '## Rates behind the ratio\n',
      '## Rates behind the ratio\n\nThe ratio was 0.96 (95% CI 0.85 to 1.07) across 263 schools, in Section 47 enquiries from 2021.\n',
    );
    const r = command();
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = readFileSync(join(work, 'content/findings/trial.mdx'), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.startsWith('The ratio was 0.96')) + 1;
    const warnings = r.stdout.split('\n').filter((l) => l.includes(': warning: '));
    expect(warnings.map((w) => w.replace(/ looks like a result\..*$/, ''))).toEqual(
      [
        [15, '0.96'],
        [28, '0.85'],
        [36, '1.07'],
        [49, '263 schools'],
      ].map(
        ([col, text]) =>
          `${work}/content/findings/trial.mdx:${line}:${col}: warning: "${text}" is typed into the prose and`,
      ),
    );
    expect(r.stdout).toMatch(/4 warning\(s\) above/);
  });
});
