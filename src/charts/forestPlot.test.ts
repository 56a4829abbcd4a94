import { describe, expect, it } from 'vitest';
import { chartExamples } from './chartExamples.ts';
import { forestPlot } from './forestPlot.ts';
import type { ForestRow } from './forestPlot.ts';

const rows: ForestRow[] = [
  { label: 'Small', estimate: 0.5, ciLow: 0.3, ciHigh: 0.9, kind: 'computed' },
  { label: 'Big', estimate: 1.6, ciLow: 1.1, ciHigh: 3.2, kind: 'published' },
  { label: 'Overall', estimate: 0.9, ciLow: 0.7, ciHigh: 1.1, kind: 'computed', overall: true },
];

describe('forestPlot', () => {
  it('is an accessible image labelled by its title and a description', () => {
    const { svg } = forestPlot(rows, { id: 'fp', title: 'Ratios' });
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="fp-title fp-desc"');
    expect(svg).toContain('<title id="fp-title">Ratios</title>');
    expect(svg).toContain('<desc id="fp-desc">');
    expect(svg).toContain('font-family="system-ui, sans-serif"');
    // Natural width as an attribute (the figure scales it down), and no inline style for CSP.
    const viewBoxWidth = /viewBox="0 0 ([\d.]+) /.exec(svg)?.[1];
    expect(svg).toContain(`width="${viewBoxWidth}"`);
    expect(svg).not.toMatch(/\sstyle=|<style/);
  });

  it('uses a domain that contains every interval and the line of no effect', () => {
    const { svg } = forestPlot(rows, { id: 'fp', title: 'Ratios' });
    const axis = svg.match(/<g class="axis-ticks"><line class="axis" x1="([\d.]+)" x2="([\d.]+)"/);
    const [lo, hi] = [Number(axis?.[1]), Number(axis?.[2])];
    const ciEnds = [...svg.matchAll(/<line class="mark" x1="([\d.]+)" x2="([\d.]+)"/g)].flatMap((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(ciEnds.length).toBeGreaterThan(0);
    for (const v of ciEnds) {
      expect(v).toBeGreaterThanOrEqual(lo);
      expect(v).toBeLessThanOrEqual(hi);
    }
    const noEffect = Number(svg.match(/<line class="rule" x1="([\d.]+)"/)?.[1]);
    expect(noEffect).toBeGreaterThan(lo);
    expect(noEffect).toBeLessThan(hi);
    expect(svg).toMatch(/>1\.00<\/text>/);
  });

  it('names the largest and smallest estimates in the description', () => {
    const { svg } = forestPlot(rows, { id: 'fp', title: 'Ratios' });
    const desc = svg.match(/<desc id="fp-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain('Largest: Big, 1.60 (1.10 to 3.20)');
    expect(desc).toContain('Smallest: Small, 0.50 (0.30 to 0.90)');
    expect(desc).toContain('Overall: 0.90 (0.70 to 1.10), fewer with the programme');
    expect(desc).toContain('1 is a published estimate');
  });

  it('draws published estimates hollow and tagged, and the overall estimate as a diamond', () => {
    const { svg } = forestPlot(rows, { id: 'fp', title: 'Ratios' });
    expect(svg).toMatch(/<circle class="mark hollow"[^>]*fill="#fff"/);
    expect(svg).toContain('>published</text>');
    expect(svg).toMatch(
      /<path class="mark fill" d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+Z"/,
    );
  });

  it('escapes labels containing <&"', () => {
    const { svg, table } = forestPlot(
      [{ label: 'A <b> & "c"', estimate: 1, ciLow: 0.5, ciHigh: 2, kind: 'computed' }],
      { id: 'fp', title: 'T & <t>' },
    );
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(svg).toContain('T &amp; &lt;t&gt;');
    expect(table.rows[0]?.[0]).toBe('A <b> & "c"');
  });

  it('rejects an estimate outside its interval with a RangeError naming the row', () => {
    expect(() =>
      forestPlot([{ label: 'Bad', estimate: 2, ciLow: 0.5, ciHigh: 1.5, kind: 'computed' }], {
        id: 'fp',
        title: 'T',
      }),
    ).toThrow(/forestPlot: row "Bad"/);
  });

  it('matches the snapshot of the named example "forest-plot-outcomes"', () => {
    const make = chartExamples['forest-plot-outcomes'];
    expect(make?.()).toMatchSnapshot();
  });
});
