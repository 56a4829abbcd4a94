/**
 * Writes a file whole or not at all, for the build's outputs and caches (the search index, the
 * figure PNGs and their cache, the cut fonts): the bytes go to a temporary name beside the file,
 * which is then renamed over it, so a reader (a server, the next build, a test reading dist/)
 * never sees a file half written, and a build killed mid-write leaves the old file, or none.
 *
 * The temporary name is the writer's own (its process and a random part): two builds at once
 * (the tests run two) may write the same cache file, and with one shared name one could rename
 * the other's half-written bytes into place.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `data` to `file` (making its folder) under a temporary name of its own, then renames it. */
export function writeWhole(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, file);
}
