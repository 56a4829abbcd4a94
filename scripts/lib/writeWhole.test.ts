import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWhole } from './writeWhole.ts';

describe('writeWhole', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'write-whole-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes text or bytes into a folder it makes, leaving nothing else there', () => {
    const text = join(dir, 'a', 'b', 'index.json');
    const bytes = join(dir, 'a', 'image.png');
    writeWhole(text, '{"pages":[]}');
    writeWhole(bytes, new Uint8Array([137, 80, 78, 71]));
    expect(readFileSync(text, 'utf8')).toBe('{"pages":[]}');
    expect([...readFileSync(bytes)]).toEqual([137, 80, 78, 71]);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual([
      'a',
      'a/b',
      'a/b/index.json',
      'a/image.png',
    ]);
  });

  it('replaces a file, leaving alone the temporary file of another writer of the same file', () => {
    const file = join(dir, 'search-index.json');
    writeFileSync(file, 'old');
    writeFileSync(`${file}.partial`, 'another build, half way');
    writeWhole(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readFileSync(`${file}.partial`, 'utf8')).toBe('another build, half way');
    expect(readdirSync(dir).sort()).toEqual(['search-index.json', 'search-index.json.partial']);
  });

  it('leaves no temporary file behind when the file cannot be put in place', () => {
    const file = join(dir, 'taken');
    mkdirSync(join(file, 'inside'), { recursive: true });
    expect(() => writeWhole(file, 'new')).toThrow(/rename/);
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(['taken', 'taken/inside']);
  });
});
