/**
 * `npm run new:update -- "Title" [--date YYYY-MM-DD] [--author "Name"] [--content content]`
 *
 * Writes content/updates/YYYY-MM-slug.mdx with valid frontmatter, dated today (UTC) unless
 * --date says otherwise. Never overwrites a file: a clash is an error naming the file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldUpdate, updateFileName } from '../src/lib/content/scaffoldUpdate.ts';
import { parseSiteConfig } from '../src/lib/content/siteConfig.ts';
import { dateRefusalSentence, readIsoDate } from '../src/lib/format/isoDate.ts';
import { consoleEffects, type ConsoleEffects } from './lib/consoleEffects.ts';
import { invokedAsScript } from './lib/invokedAsScript.ts';

const USAGE = 'usage: npm run new:update -- "Title of the update" [--date YYYY-MM-DD] [--author "Name"]';

/**
 * Runs the command with `argv` (the arguments after the script name) and returns its exit code.
 * Exported so tests can run it in-process with an in-memory `effects`.
 */
export function main(argv: readonly string[], effects: ConsoleEffects = consoleEffects): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        date: { type: 'string', default: new Date().toISOString().slice(0, 10) },
        author: { type: 'string' },
        content: { type: 'string', default: process.env.CONTENT_DIR ?? 'content' },
      },
    });
  } catch (e) {
    effects.error(`new:update: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const title = positionals.join(' ').trim();
  if (title === '') {
    effects.error(`new:update: expected a title, found none\n${USAGE}`);
    return 2;
  }
  const date = readIsoDate(values.date);
  if (!date.ok) {
    effects.error(`new:update: --date: ${dateRefusalSentence(date.refusal)}`);
    return 2;
  }
  let name;
  try {
    name = updateFileName(title, values.date);
  } catch {
    effects.error(`new:update: expected a title with letters or digits, found ${JSON.stringify(title)}`);
    return 2;
  }
  const dir = join(values.content, 'updates');
  const path = join(dir, name);
  if (existsSync(path)) {
    effects.error(
      `new:update: ${path} already exists; it was left unchanged. Choose another title, or edit that file.`,
    );
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  // 'wx' fails if the file appeared meanwhile, so nothing is ever overwritten.
  // The default author is the site's editors, named after its title in content/site.yaml.
  let author = values.author;
  if (author === undefined) {
    const settings = join(values.content, 'site.yaml');
    const site = existsSync(settings) ? parseSiteConfig(settings, readFileSync(settings, 'utf8')) : null;
    author = site?.ok ? `${site.config.title} editors` : 'The editors';
  }
  writeFileSync(path, scaffoldUpdate(title, values.date, author), { flag: 'wx' });
  effects.log(
    `new:update: wrote ${path}. Replace the text marked "REPLACE ME:", then run \`npm run check\`.`,
  );
  return 0;
}

if (invokedAsScript(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
