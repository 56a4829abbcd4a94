import { describe, expect, it } from 'vitest';
import { chartExamples } from './chartExamples.ts';

// Every named example chart as files a reviewer can open: the SVG itself (it opens in a browser)
// and, beside it, the rest of the chart's result (its table and what else it returns) as JSON.
// A change to how a chart draws shows up as a change to these files, reviewed by looking at them.
describe('chart examples', () => {
  it.each(Object.keys(chartExamples))('"%s" matches its .svg and .json snapshots', async (name) => {
    const { svg, ...rest } = chartExamples[name]!();
    await expect(`${svg}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    await expect(`${JSON.stringify(rest, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.json`);
  });
});
