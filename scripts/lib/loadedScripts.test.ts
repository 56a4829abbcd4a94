import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { loadedScripts } from './loadedScripts.ts';

const dir = mkdtempSync(join(tmpdir(), 'swis-loaded-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string> = {
  // A page whose module imports another statically, and loads the rest only when searched.
  'index.html': `<!doctype html><html lang="en"><head><title>x</title><script type="module" src="/js/main.js"></script></head>
    <body><form role="search"><label>Q <input type="search"></label></form><p role="status"></p></body></html>`,
  'js/main.js': `import { say } from './shared.js';
    const status = document.querySelector('[role=status]');
    document.querySelector('form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const { count } = await import('./lazy.js');
      new Worker('/js/worker.js');
      const s = document.createElement('script'); s.src = '/js/classic.js'; document.head.append(s);
      status.textContent = say(count()) + ' results for it';
    });`,
  'js/shared.js': `export const say = (n) => String(n);`,
  'js/lazy.js': `export const count = () => 3; // ${'padding '.repeat(50)}`,
  'js/worker.js': `self.postMessage('ready');`,
  'js/classic.js': `window.classicLoaded = true;`,
  'js/unused.js': `console.log('never loaded');`,
  // A page without a search form: only what it loads by itself.
  'plain/index.html': `<!doctype html><html lang="en"><head><title>y</title><script type="module" src="/js/shared.js"></script></head><body></body></html>`,
  '404.html': 'not found',
};
for (const [name, text] of Object.entries(files)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
}
const gz = (name: string) => gzipSync(files[name]!).length;

describe('loadedScripts (bench)', () => {
  test('counts scripts imported statically and dynamically, added at run time and run as workers, after a search', async () => {
    const [page, plain] = await loadedScripts(dir, ['/', '/plain/']);
    expect(page!.files.map((f) => f.url)).toEqual([
      '/js/classic.js',
      '/js/lazy.js',
      '/js/main.js',
      '/js/shared.js',
      '/js/worker.js',
    ]);
    expect(page!.gzipBytes).toBe(
      ['js/classic.js', 'js/lazy.js', 'js/main.js', 'js/shared.js', 'js/worker.js']
        .map(gz)
        .reduce((a, b) => a + b),
    );
    expect(plain).toEqual({
      page: '/plain/',
      files: [{ url: '/js/shared.js', gzipBytes: gz('js/shared.js') }],
      gzipBytes: gz('js/shared.js'),
    });
  });
});
