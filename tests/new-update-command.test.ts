import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitMdx } from '../src/lib/content/frontmatter.ts';
import { updateSchema } from '../src/lib/content/schemas.ts';
import { main } from '../scripts/new-update.ts';
import { inProcess } from './helpers/inProcess.ts';
import { root, runScript } from './helpers/runScript.ts';

/** `npm run new:update` as a reader runs it: its own process, its exit code and its two streams. */
const command = (args: string[]) => runScript('new-update.ts', args);
/**
 * The same command in this process (scripts/new-update.ts's main), its lines collected as the
 * command prints them. A success and a refusal (exit 2) run `command()`, so the real exit codes
 * and streams stay covered.
 */
const newUpdate = (args: string[]) => inProcess((sink) => main(args, sink));

describe('npm run new:update', () => {
  test('creates a dated update whose frontmatter the updates schema accepts', () => {
    const content = mkdtempSync(join(tmpdir(), 'swis-new-update-'));
    // The default author is named after the site's title in site.yaml.
    writeFileSync(join(content, 'site.yaml'), readFileSync(join(root, 'content', 'site.yaml')));
    const r = command(['Results at 35 months: "no change"', '--date', '2024-10-02', '--content', content]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(content, 'updates'))).toEqual(['2024-10-results-at-35-months-no-change.mdx']);
    const path = join(content, 'updates', '2024-10-results-at-35-months-no-change.mdx');
    const split = splitMdx(path, readFileSync(path, 'utf8'));
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    const data = updateSchema.parse(split.mdx.data);
    expect(data.title).toBe('Results at 35 months: "no change"');
    expect(data.date.toISOString().slice(0, 10)).toBe('2024-10-02');
    expect(data.authors).toEqual(['SWIS findings editors']);
  });

  test('uses today (UTC) when no date is given', () => {
    const content = mkdtempSync(join(tmpdir(), 'swis-new-update-'));
    const before = new Date().toISOString().slice(0, 10);
    expect(newUpdate(['Dated today', '--content', content]).status).toBe(0);
    const after = new Date().toISOString().slice(0, 10);
    const [name] = readdirSync(join(content, 'updates'));
    expect([`${before.slice(0, 7)}-dated-today.mdx`, `${after.slice(0, 7)}-dated-today.mdx`]).toContain(name);
    expect(readFileSync(join(content, 'updates', name!), 'utf8')).toMatch(
      new RegExp(`^date: (${before}|${after})$`, 'm'),
    );
  });

  test('refuses to overwrite an existing update and leaves it as it was', () => {
    const content = mkdtempSync(join(tmpdir(), 'swis-new-update-'));
    const args = ['A title', '--date', '2024-10-02', '--content', content];
    expect(newUpdate(args).status).toBe(0);
    const path = join(content, 'updates', '2024-10-a-title.mdx');
    writeFileSync(path, 'edited by a researcher');
    const again = newUpdate(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${path} already exists; it was left unchanged`);
    expect(readFileSync(path, 'utf8')).toBe('edited by a researcher');
  });

  test('refuses a missing title and an impossible date', () => {
    const content = mkdtempSync(join(tmpdir(), 'swis-new-update-'));
    expect(newUpdate(['--content', content]).stderr).toContain('expected a title, found none');
    const bad = newUpdate(['T', '--date', '2024-02-30', '--content', content]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--date: expected a date written YYYY-MM-DD, found "2024-02-30", which is not a day of the calendar.',
    );
  });

  test('refuses a date written day/month/year, with the ISO form probably meant, and writes nothing', () => {
    const content = mkdtempSync(join(tmpdir(), 'swis-new-update-'));
    const bad = command(['T', '--date', '01/12/2026', '--content', content]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      'new:update: --date: expected a date written YYYY-MM-DD, found "01/12/2026". If you meant 1 December 2026, write 2026-12-01.',
    );
    expect(readdirSync(content)).toEqual([]);
  });
});
