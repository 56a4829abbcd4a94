/**
 * Replaces a whole output folder so that readers see either every old file or every new file:
 * the results in out/ (scripts/results.ts) and the site in dist/ (scripts/build.ts).
 *
 * The files are written into a temporary sibling folder; then the old folder is moved aside,
 * the new one renamed into place, and the old one removed. A run killed at any point leaves
 * either the previous folder in place, or (killed between the two renames) the previous folder
 * under `<out>.previous`, which the next run puts back before it starts.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Restores `<out>.previous` if a run was killed between its two renames; removes stale temp folders. */
export function recoverInterruptedWrite(outDir: string): void {
  const previous = `${outDir}.previous`;
  if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
  else if (existsSync(previous)) rmSync(previous, { recursive: true, force: true });
  const temp = `${outDir}.partial`;
  if (existsSync(temp)) rmSync(temp, { recursive: true, force: true });
}

/** Writes `files` (relative path → contents) as the complete new contents of `outDir`. */
export function writeFolderAtomically(outDir: string, files: ReadonlyMap<string, string>): void {
  recoverInterruptedWrite(outDir);
  replaceFolder(writePartialFolder(outDir, files), outDir);
}

/**
 * The first half of {@link writeFolderAtomically}: writes `files` into `<out>.partial`, beside
 * `outDir` and not yet in its place, and returns that folder. A run that stops here (killed,
 * disk full) leaves `outDir` untouched and the partial folder for the next run to remove.
 */
export function writePartialFolder(outDir: string, files: ReadonlyMap<string, string>): string {
  const temp = `${outDir}.partial`;
  mkdirSync(temp, { recursive: true });
  for (const [name, text] of files) {
    const path = join(temp, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return temp;
}

/**
 * Puts the complete folder `temp` in place of `outDir` with two renames (the old folder is moved
 * to `<out>.previous` and removed once the new one is in place); `outDir` need not exist.
 */
export function replaceFolder(temp: string, outDir: string): void {
  const previous = `${outDir}.previous`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(temp, outDir);
  rmSync(previous, { recursive: true, force: true });
}
