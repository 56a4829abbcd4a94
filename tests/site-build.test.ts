import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// scripts/test.mjs runs `npm run build` before the tests, so dist/ is the site built from data/.
const root = join(import.meta.dirname, '..');
const html = () => readFileSync(join(root, 'dist/index.html'), 'utf8').replace(/ data-astro-cid-\w+/g, '');

test('the home page shows the published primary result with its interval and source', () => {
  expect(html()).toContain('<strong>1.055 (95% CI 0.955 to 1.166)</strong>');
  expect(html()).toContain('href="https://orca.cardiff.ac.uk/177768"');
});

test('the home page shows the estimate computed in this build from the results JSON', () => {
  const comparisons = JSON.parse(readFileSync(join(root, 'out/comparisons.json'), 'utf8'));
  const c = comparisons[0].computed;
  expect(html()).toContain(
    // The home page's words are content (content/pages/index.mdx); the figure comes from <Estimate>.
    `Computed from the data in this build: <span class="estimate">${c.estimate.toFixed(3)} (95% CI ${c.ciLow.toFixed(3)} to ${c.ciHigh.toFixed(3)})</span>`,
  );
});

test('the synthetic-data notice is driven by the data flag', () => {
  const dataset = JSON.parse(readFileSync(join(root, 'out/dataset.json'), 'utf8'));
  expect(dataset.synthetic).toBe(true);
  expect(html()).toContain('Demonstration data.');
});
