import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataFolder } from './readDataFolder.ts';

const dir = mkdtempSync(join(tmpdir(), 'read-data-folder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `bytes` as the data folder's outcomes.csv and returns the text readDataFolder gives it. */
const readBack = (bytes: Buffer): string => {
  const data = join(dir, `data-${Math.random().toString(36).slice(2)}`);
  mkdirSync(data);
  writeFileSync(join(data, 'outcomes.csv'), bytes);
  const text = readDataFolder(data).files.get('outcomes.csv');
  expect(text).toBe(readFileSync(join(data, 'outcomes.csv'), 'utf8'));
  // Its SHA-256, when asked for, is that of the text as UTF-8, as the results cache hashed it.
  const hashed = readDataFolder(data, { sha256: true });
  expect(hashed.files.get('outcomes.csv')).toBe(text);
  expect(hashed.sha256?.get('outcomes.csv')).toBe(createHash('sha256').update(text!).digest('hex'));
  return text!;
};

describe('readDataFolder', () => {
  it('reads an all-ASCII file as its UTF-8 text', () => {
    expect(readDataFolder(dir).sha256).toBeUndefined();
    expect(readBack(Buffer.from('outcome,kind\r\nexclusions,count\n', 'ascii'))).toBe(
      'outcome,kind\r\nexclusions,count\n',
    );
  });

  it('decodes a file with other characters as UTF-8, not byte by byte', () => {
    expect(readBack(Buffer.from('\uFEFFoutcome,kind\nabsences – École,rate\n', 'utf8'))).toBe(
      '\uFEFFoutcome,kind\nabsences – École,rate\n',
    );
    // Latin-1 bytes that are not UTF-8 become replacement characters, as Node's UTF-8 reading does.
    expect(readBack(Buffer.from([0x61, 0xe9, 0x62, 0x0a]))).toBe('a\uFFFDb\n');
  });
});
