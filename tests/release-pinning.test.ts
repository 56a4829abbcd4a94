/**
 * Published numbers stay put. New data arrive and `npm run results` runs: the March 2023 update
 * and the 23-month version of the trial page print exactly what they printed before, while the
 * trial page's usual address previews the new figures labelled "not yet released", worded anew
 * from their interval; after `npm run release` the new figures are the current version. Then a
 * correction: a release recorded as one puts a notice on the pages it affects, linked to its
 * release note, and an item in the RSS feed.
 *
 * Before: the site `npm test` built from the repository's data (dist/). Then the real site is
 * built three times from a scratch copy of data/ (RESULTS_DIR, RELEASES_DIR), so the repository's
 * out/, dist/ and releases are untouched.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { describeRatio } from '../src/lib/format/effectInWords.ts';
import { formatRateRatio } from '../src/lib/format/formatNumber.ts';
import { HANG_GUARD_MS, root, runScript } from './helpers/runScript.ts';

const scratch = mkdtempSync(join(tmpdir(), 'swis-pinning-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const data = join(scratch, 'data');
const out = join(scratch, 'out');
// NODE_ENV: under Vitest it is "test", in which astro build also runs the dev server hooks, and
// the live-results integration would recompute DATA_DIR into RESULTS_DIR during the build.
const env = {
  RESULTS_DIR: out,
  RELEASES_DIR: join(data, 'releases'),
  DATA_DIR: data,
  NODE_ENV: 'production',
};

function results() {
  const r = runScript('results.ts', ['--data', data, '--out', out, '--force']);
  expect(r.status, r.stderr).toBe(0);
}
function build(name: string) {
  const dist = join(scratch, name);
  const r = runScript('build.ts', ['--outDir', dist], { env });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
}
const text = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1');

interface Estimate {
  study: string;
  outcome: string;
  analysis: string;
  scope: string;
  estimate: number;
  ciLow: number;
  ciHigh: number;
}
const primary = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'estimates.json'), 'utf8')) as Estimate[]).find(
    (e) => e.study === 'trial' && e.outcome === 's47' && e.analysis === 'adjusted' && e.scope === 'overall',
  )!;
const words = (e: Estimate) =>
  describeRatio({ subject: 'SWIS', outcome: 'child protection enquiries', interval: e, bandPercent: 10 })
    .text;

/** New data: SWIS schools' Section 47 enquiries at follow-up halved, so the estimate leaves the band. */
function writeNewData() {
  const parse = (file: string) =>
    Papa.parse<Record<string, string>>(readFileSync(join(data, file), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
  const swis = new Set(
    parse('trial/schools.csv')
      .data.filter((s) => s.arm === 'swis')
      .map((s) => s.school_id),
  );
  const outcomes = parse('trial/outcomes.csv');
  for (const row of outcomes.data)
    if (swis.has(row.school_id!) && row.period === 'followup' && row.outcome === 's47')
      row.count = String(Math.floor(Number(row.count) / 2));
  writeFileSync(
    join(data, 'trial/outcomes.csv'),
    Papa.unparse(outcomes.data, { columns: outcomes.meta.fields!, newline: '\n' }) + '\n',
  );
}

/** The repository's own site, from the same data as the scratch copy before anything changes. */
const before = (path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');
let after: (path: string) => string;
let released: (path: string) => string;
let newEstimate: Estimate;
let corrected: (path: string) => string;
let rss: string;
const CORRECTION_REASON = 'Section 47 enquiries in SWIS schools had been counted at half their number.';

beforeAll(() => {
  cpSync(join(root, 'data'), data, { recursive: true });
  writeNewData();
  results();
  newEstimate = primary(out);
  after = build('dist-after');
  const r = runScript('release.ts', [
    ...['--version', '2026-12', '--date', '2026-12-01', '--note', 'Test: new follow-up data.'],
    ...['--kind', 'update', '--reason', 'New follow-up data arrived.', '--conclusions-changed', 'yes'],
    ...['--results', out, '--releases', join(data, 'releases'), '--data', data],
  ]);
  expect(r.status, r.stderr).toBe(0);
  released = build('dist-released');
  // A mistake found: SWIS schools' Section 47 counts were halved twice. Restore them, then correct.
  cpSync(join(root, 'data/trial/outcomes.csv'), join(data, 'trial/outcomes.csv'));
  results();
  const c = runScript('release.ts', [
    ...['--version', '2027-01', '--date', '2027-01-15', '--note', 'Test: corrected Section 47 counts.'],
    ...['--kind', 'correction', '--reason', CORRECTION_REASON, '--conclusions-changed', 'yes'],
    ...['--affects', 'trial', '--results', out, '--releases', join(data, 'releases'), '--data', data],
  ]);
  expect(c.status, c.stderr).toBe(0);
  corrected = build('dist-corrected');
  rss = readFileSync(join(scratch, 'dist-corrected', 'rss.xml'), 'utf8');
}, 7 * HANG_GUARD_MS);

describe('numbers that stay put', () => {
  test('the March 2023 update and the 23-month version of the trial page print exactly what they did', () => {
    for (const path of ['updates/2023-03-results', 'findings/trial/2023-03']) {
      expect(after(path), path).toBe(before(path));
      expect(released(path), path).toBe(before(path));
    }
    const v1 = text(before('findings/trial/2023-03'));
    expect(v1).toContain('Version 1 · first published 30 March 2023 · this version 30 March 2023');
    expect(v1).toContain('This is an earlier version of this page, with the figures of release 2023-03');
    expect(v1).toContain(formatRateRatio(primary(join(root, 'data/releases/2023-03'))));
  });

  test('the trial page previews the new figures as not yet released, in words chosen anew', () => {
    const latest = primary(join(root, 'data/releases/2024-10'));
    const old = text(before('findings/trial'));
    expect(old).toContain('Version 2 (current)');
    expect(old).not.toContain('Not yet released');
    expect(old).toContain(formatRateRatio(latest));
    expect(old).toContain(words(latest));

    const preview = text(after('findings/trial'));
    expect(preview).toContain('Version 3 (not yet released)');
    expect(preview).toContain('Not yet released. The figures on this page come from results that have not');
    expect(preview).toContain(formatRateRatio(newEstimate));
    expect(preview).not.toContain(formatRateRatio(latest));
    expect(preview).toContain('The figures on this page come from results not yet released.');
    expect(preview).toContain('figures not yet released');
    // The data crossed the band, so the sentence changed.
    expect(words(latest)).toMatch(/^SWIS may make little or no difference to/);
    expect(words(newEstimate)).toMatch(/^SWIS reduces child protection enquiries/);
    expect(preview).toContain(words(newEstimate));
  });

  test('after npm run release the new figures are the current version, and the old one keeps its page', () => {
    const current = text(released('findings/trial'));
    expect(current).toContain(
      'Version 3 (current) · first published 30 March 2023 · this version 1 December 2026',
    );
    expect(current).not.toContain('Not yet released');
    expect(current).toContain(formatRateRatio(newEstimate));
    expect(current).toContain('release 2026-12, 1 December 2026');
    const v2 = text(released('findings/trial/2024-10'));
    expect(v2).toContain('This is an earlier version of this page, with the figures of release 2024-10');
    expect(v2).toContain(formatRateRatio(primary(join(root, 'data/releases/2024-10'))));
    expect(text(released('findings/trial/2026-12'))).toContain(
      'This is the permanent address of version 3, the current version of this page',
    );
  });

  test('a correction shows a notice on each page it affects, linked to its release note, and in the RSS feed', () => {
    const trial = corrected('findings/trial');
    expect(text(trial)).toContain(
      `Corrected: release 2027-01 (15 January 2027) corrected these figures. ${CORRECTION_REASON} The conclusions changed. Release note for 2027-01.`,
    );
    expect(trial).toContain('href="/releases/#release-2027-01"');
    expect(text(trial)).toContain('Version 4 (current)');
    expect(text(corrected('findings/trial/2026-12'))).toContain(
      'Corrected later: the figures on this version were corrected in release 2027-01 (15 January 2027).',
    );
    expect(text(corrected('findings/pilot'))).not.toContain('Corrected');
    const note = text(corrected('releases'));
    expect(note).toContain(
      `Correction. ${CORRECTION_REASON} The conclusions changed. Affects: trial findings.`,
    );
    expect(note).toContain('Scheduled update. New follow-up data arrived. The conclusions changed.');
    expect(rss).toContain('<title>Correction: release 2027-01</title>');
    expect(rss).toContain('/releases/#release-2027-01</link>');
    expect(rss).toContain(CORRECTION_REASON);
  });
});
