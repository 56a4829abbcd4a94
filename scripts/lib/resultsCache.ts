/**
 * Lets `npm run results` skip recomputing when nothing it depends on has changed.
 *
 * The cache key is a SHA-256 over: every input file's SHA-256 (by path), the options that change
 * the output (the disclosure threshold), and the results code version — a hash of the source the
 * results are computed by (src/lib, scripts/results.ts, scripts/lib) and of package-lock.json (the
 * statistics libraries' versions). The key is written to out/manifest.json with each output's
 * SHA-256; a run whose key matches, and whose out folder still holds exactly those files with
 * those hashes, reuses it. Anything else — a changed input, option or line of code, a missing,
 * extra or altered output — recomputes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { manifestSchema } from '../../src/lib/contracts/resultsSchemas.ts';
import { stableJson } from '../../src/lib/contracts/stableJson.ts';

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

const root = join(import.meta.dirname, '..', '..');

/** Source files whose change can change the results, relative to the repository root, sorted. */
function codeFiles(): string[] {
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((p) => join(dir, p))
      : [];
  return [
    ...walk(join(root, 'src', 'lib')),
    ...walk(join(root, 'scripts', 'lib')),
    join(root, 'scripts', 'results.ts'),
    join(root, 'package-lock.json'),
  ]
    .filter((p) => !/\.test\.ts$/.test(p) && existsSync(p) && statSync(p).isFile())
    .map((p) => relative(root, p).split(sep).join('/'))
    .sort();
}

/** A hash of the results code (see the module comment). */
export function resultsCodeVersion(): string {
  const h = createHash('sha256');
  for (const file of codeFiles())
    h.update(`${file}\u0000`)
      .update(readFileSync(join(root, file)))
      .update('\u0000');
  return h.digest('hex');
}

/** The cache key for these inputs (path → SHA-256), options and code version. */
export function resultsCacheKey(parts: {
  codeVersion: string;
  options: Record<string, unknown>;
  inputs: readonly { path: string; sha256: string }[];
}): string {
  const inputs = [...parts.inputs]
    .map(({ path, sha256: hash }) => ({ path, sha256: hash }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return sha256(stableJson({ codeVersion: parts.codeVersion, options: parts.options, inputs }));
}

/** Whether `outDir` holds a complete, intact output made with `key`; if not, why not. */
export function reusableOutput(
  outDir: string,
  key: string,
): { reusable: true; files: number } | { reusable: false; why: string } {
  const manifestPath = join(outDir, 'manifest.json');
  if (!existsSync(manifestPath)) return { reusable: false, why: 'no previous output' };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch {
    return { reusable: false, why: 'the previous manifest is not valid JSON' };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    return { reusable: false, why: 'the previous manifest does not match the results contract' };
  const manifest = parsed.data;
  if (manifest.cacheKey !== key) return { reusable: false, why: 'inputs, options or code changed' };
  const expected = new Set(['manifest.json']);
  for (const o of manifest.outputs) {
    if (o.sha256 === undefined)
      return { reusable: false, why: 'the previous manifest lists no output hashes' };
    const path = join(outDir, o.name);
    if (!existsSync(path) || sha256(readFileSync(path)) !== o.sha256)
      return { reusable: false, why: `${o.name} is missing or changed` };
    expected.add(o.name);
  }
  const extra = (readdirSync(outDir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((p) => p.split(sep).join('/'))
    .filter((p) => statSync(join(outDir, p)).isFile() && !expected.has(p));
  if (extra.length > 0) return { reusable: false, why: `unexpected file ${extra[0]}` };
  return { reusable: true, files: expected.size };
}
