// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import { importDirection } from './eslint/importDirection.js';

// The layers, lowest first: each imports only from itself and the layers before it (STYLE.md,
// "Layers import downwards only"). A path names a folder or a file; the longest match wins, so
// `src/lib` holds whatever part of the library the first layer does not name.
const LAYERS = [
  {
    name: 'contracts and domain',
    paths: [
      'src/lib/contracts',
      'src/lib/data',
      'src/lib/format',
      'src/lib/geo',
      'src/lib/context',
      'src/lib/stats',
      'src/lib/threads',
    ],
  },
  { name: 'pipeline', paths: ['src/lib'] },
  { name: 'charts', paths: ['src/charts'] },
  { name: 'site view models', paths: ['src/site'] },
  { name: 'components', paths: ['src/components', 'src/scripts'] },
  { name: 'pages', paths: ['src/layouts', 'src/pages', 'src/content.config.ts'] },
  {
    name: 'scripts at the edge',
    paths: [
      'scripts',
      'tests',
      'eslint',
      'src/integrations',
      'astro.config.mjs',
      'eslint.config.js',
      'vitest.config.ts',
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.partial/',
      'dist.previous/',
      '.astro/',
      'out/',
      'node_modules/',
      'src/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    plugins: { layers: { rules: { 'import-direction': importDirection } } },
    rules: {
      'layers/import-direction': [
        'error',
        { root: fileURLToPath(new URL('.', import.meta.url)), layers: LAYERS },
      ],
    },
  },
  {
    // Drafts and embargoes: content is read through src/site/publishedContent.ts, which leaves out
    // what a build does not publish; a direct getCollection would put a draft on the site.
    files: ['src/**/*.ts', 'src/**/*.astro'],
    ignores: ['src/site/publishedContent.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'astro:content',
              importNames: ['getCollection', 'getEntry', 'getEntries'],
              message:
                'Read content with publishedEntries() from src/site/publishedContent.ts, which leaves out drafts and embargoed entries.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
