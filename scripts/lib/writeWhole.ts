/**
 * Writes one file whole or not at all, for every command and build step that replaces a single
 * file: the data the import and demo commands write (scripts/import-geo.ts, import-context.ts,
 * demo-data.ts), and the build's search index, figure PNG cache and cut fonts
 * (src/integrations). A folder replaced whole (out/, dist/) has its own writer beside this one:
 * writeFolderAtomically.ts.
 *
 * The bytes go to a temporary name beside the file, which is then renamed over it, so a reader
 * (a server, the next build, a results run) never sees a file half written, and a run killed
 * mid-write leaves the old file, or none. The temporary name is the writer's own (its process
 * and a random part): two builds at once (the tests run two) may write the same cache file, and
 * with one shared name one could rename the other's half-written bytes into place. A write that
 * fails (disk full, the name taken by a folder) removes its temporary file before it throws.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `data` to `file` (making its folder) under a temporary name of its own, then renames it. */
export function writeWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
