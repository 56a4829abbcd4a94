import { describe, expect, it } from 'vitest';
import { chartExamples } from './chartExamples.ts';

// Every named example chart as files a reviewer can open: the SVG itself (it opens in a browser)
// (and, for a chart with a phone layout, that too as -narrow.svg) and, beside it, the rest of the chart's result (its table and what else it returns) as JSON.
// A change to how a chart draws shows up as a change to these files, reviewed by looking at them.
describe('chart examples', () => {
  it.each(Object.keys(chartExamples))('"%s" matches its .svg and .json snapshots', async (name) => {
    const { svg, narrow, ...rest } = chartExamples[name]!();
    await expect(`${svg}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
    const { svg: narrowSvg, ...narrowRest } = narrow ?? { svg: null };
    if (narrowSvg) await expect(`${narrowSvg}\n`).toMatchFileSnapshot(`./__snapshots__/${name}-narrow.svg`);
    const json = narrow ? { ...rest, narrow: narrowRest } : rest;
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot(`./__snapshots__/${name}.json`);
  });

  // A 320 px phone leaves the figure a 288 px column: the layout shown there (the phone layout
  // when there is one) must keep its smallest text at 11 px in it, so the box never scrolls sideways.
  it.each(Object.keys(chartExamples))('"%s" reads whole in a 288 px column', (name) => {
    const chart = chartExamples[name]!();
    expect((chart.narrow ?? chart).minWidth).toBeLessThanOrEqual(288);
  });
});
