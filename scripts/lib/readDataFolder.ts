import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { KNOWN_FILES } from '../../src/lib/data/loadDataset.ts';
import { makeProblem } from '../../src/lib/data/problems.ts';
import type { Problem } from '../../src/lib/data/problems.ts';

/** The files of a data folder as loadDataset takes them, and problems found while reading. */
export type DataFolder = {
  files: Map<string, string>;
  problems: Problem[];
  /**
   * Each file's SHA-256 (hex) of its text as UTF-8, which the results cache keys on, when asked
   * for (see {@link readDataFolder}).
   */
  sha256?: Map<string, string>;
};

/**
 * Reads every known CSV under a data folder into a Map from path relative to the folder (with
 * forward slashes, e.g. "trial/schools.csv") to its text, for loadDataset. Any other .csv file
 * is reported as a problem (it is usually a misnamed or misplaced file); other files, such as
 * README.md, are ignored. Throws a RangeError when the folder itself does not exist.
 *
 * Each file is decoded as UTF-8, but a file that is all ASCII, as CSV exports nearly always are,
 * as Latin-1: the same text, a plain copy of its bytes, while UTF-8 decoding checks every byte.
 * The national bench's data folder (46 MB) reads in 74–94 ms against 117–152 ms, on the one busy
 * thread before the results command's parallel read.
 *
 * With `sha256`, also each file's SHA-256 of its text as UTF-8, from its bytes when they are that
 * text's UTF-8 (valid UTF-8, as nearly every CSV file is), the same digest. Why here: hashing the
 * bytes takes half as long as hashing the text, which is encoded to UTF-8 again first (the 1x
 * bench's data folder: about 40 against 80 ms, on the one busy thread before the parallel read).
 */
export function readDataFolder(dir: string, options: { sha256?: boolean } = {}): DataFolder {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new RangeError(`readDataFolder: ${JSON.stringify(dir)} is not a folder`);
  const known = new Set<string>(KNOWN_FILES);
  const files = new Map<string, string>();
  const sha256 = options.sha256 ? new Map<string, string>() : undefined;
  const problems: Problem[] = [];
  const paths = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((p) => p.split(sep).join('/'))
    .filter((p) => p.toLowerCase().endsWith('.csv'))
    .sort();
  for (const rel of paths) {
    const full = join(dir, rel);
    if (!statSync(full).isFile()) continue;
    if (known.has(rel)) {
      const bytes = readFileSync(full);
      // ASCII is valid UTF-8 as it is: only other bytes need the second check.
      const ascii = isAscii(bytes);
      const text = bytes.toString(ascii ? 'latin1' : 'utf8');
      files.set(rel, text);
      sha256?.set(
        rel,
        createHash('sha256')
          .update(ascii || isUtf8(bytes) ? bytes : text)
          .digest('hex'),
      );
    } else {
      problems.push(
        makeProblem({
          file: `${dir.replace(/\/+$/, '')}/${rel}`,
          line: null,
          expected: `only the files ${KNOWN_FILES.join(', ')}`,
          found: 'an unknown CSV file',
          hint: 'Check the name and folder, or move the file out of the data folder.',
        }),
      );
    }
  }
  return sha256 === undefined ? { files, problems } : { files, problems, sha256 };
}
