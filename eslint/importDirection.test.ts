import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The project's own eslint.config.js, so these show that `npm run lint` fails on each import.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

async function layerProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/import-direction').map((m) => m.message);
}

describe('lint: layers import downwards only', () => {
  test('a statistic importing a chart fails, naming both files, both layers and the order', async () => {
    const problems = await layerProblems(
      'src/lib/stats/violation.ts',
      "import { forestPlot } from '../../charts/forestPlot.ts';\nexport const f = forestPlot;\n",
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('src/lib/stats/violation.ts (contracts and domain)');
    expect(problems[0]).toContain('src/charts/forestPlot.ts (charts), a layer above it');
    expect(problems[0]).toContain(
      'contracts and domain ← pipeline ← charts ← site view models ← components ← pages ← scripts at the edge',
    );
  });

  test('a chart importing a site view model fails, also as a re-export or a dynamic import', async () => {
    const code = [
      "export { siteData } from '../site/siteData.ts';",
      "export * from '../site/siteFigures.ts';",
      "export const later = () => import('../site/chartData.ts');",
      '',
    ].join('\n');
    expect(await layerProblems('src/charts/violation.ts', code)).toHaveLength(3);
  });

  test('the domain importing the pipeline fails', async () => {
    const problems = await layerProblems(
      'src/lib/data/violation.ts',
      "import { buildResults } from '../results/buildResults.ts';\nexport const b = buildResults;\n",
    );
    expect(problems).toHaveLength(1);
  });

  test('a component importing a page or layout fails, in its frontmatter', async () => {
    const code = '---\nimport Base from \'../layouts/Base.astro\';\n---\n<Base title="x" />\n';
    expect(await layerProblems('src/components/Violation.astro', code)).toHaveLength(1);
  });

  test('library code importing a script at the edge fails', async () => {
    const problems = await layerProblems(
      'src/lib/results/violation.ts',
      "import { writeFolderAtomically } from '../../../scripts/lib/writeFolderAtomically.ts';\nexport const w = writeFolderAtomically;\n",
    );
    expect(problems).toHaveLength(1);
  });

  test('importing downwards, within a layer, or from data/ passes', async () => {
    expect(
      await layerProblems(
        'src/site/allowed.ts',
        [
          "import { forestPlot } from '../charts/forestPlot.ts';",
          "import { formatNumber } from '../lib/format/formatNumber.ts';",
          "import { slug } from './allowed-too.ts';",
          "import topology from '../../data/geo/england-authorities.json' with { type: 'json' };",
          'export const all = [forestPlot, formatNumber, slug, topology];',
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
    expect(
      await layerProblems(
        'scripts/allowed.ts',
        "import { siteData } from '../src/site/siteData.ts';\nexport const s = siteData;\n",
      ),
    ).toEqual([]);
  });
});
