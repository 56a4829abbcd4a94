import { describe, expect, it } from 'vitest';
import { forestPlot } from './forestPlot.ts';
import type { ForestRow } from './forestPlot.ts';

const rows: ForestRow[] = [
  { label: 'Small', estimate: 0.5, ciLow: 0.3, ciHigh: 0.9, kind: 'computed' },
  { label: 'Big', estimate: 1.6, ciLow: 1.1, ciHigh: 3.2, kind: 'published' },
  { label: 'Overall', estimate: 0.9, ciLow: 0.7, ciHigh: 1.1, kind: 'computed', overall: true },
];

describe('forestPlot', () => {
  it('draws differences on a linear axis around 0, never a log one', () => {
    const differences: ForestRow[] = [
      { label: 'Score', estimate: -0.4, ciLow: -1.2, ciHigh: 0.5, kind: 'computed' },
      { label: 'Other score', estimate: 1.5, ciLow: 0.2, ciHigh: 2.8, kind: 'computed' },
    ];
    const { svg, table } = forestPlot(differences, {
      id: 'fd',
      title: 'Differences',
      measure: 'Difference in mean score, points',
      scale: 'difference',
    });
    expect(svg).not.toContain('log scale');
    expect(svg).toContain('>Difference in mean score, points</text>');
    expect(svg).toMatch(/>0<\/text>/);
    expect(svg).toMatch(/>\u22121<\/text>/);
    const desc = svg.match(/<desc id="fd-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain('on a linear scale; below 0 means fewer with the programme');
    expect(desc).toContain('1 below 0 and 1 above 0; 1 of 2 intervals exclude 0.');
    expect(table.columns[1]?.label).toBe('Difference in mean score, points');
    expect(table.rows[0]?.slice(1, 4)).toEqual(['\u22120.40', '\u22121.20', '0.50']);
    // The line of no effect sits at 0, halfway along the symmetric axis.
    const axis = svg.match(/<g class="axis-ticks"><line class="axis" x1="([\d.]+)" x2="([\d.]+)"/);
    const noEffect = Number(svg.match(/<line class="rule" x1="([\d.]+)"/)?.[1]);
    expect(noEffect).toBeCloseTo((Number(axis?.[1]) + Number(axis?.[2])) / 2, 0);
  });

  it('refuses a ratio of 0 or below, but takes a negative difference', () => {
    const negative: ForestRow[] = [{ label: 'A', estimate: -1, ciLow: -2, ciHigh: -0.5, kind: 'computed' }];
    expect(() => forestPlot(negative, { id: 'x', title: 'X' })).toThrow(RangeError);
    expect(() => forestPlot(negative, { id: 'x', title: 'X', scale: 'difference' })).not.toThrow();
  });

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
    expect(svg).toMatch(/<path [^>]*class="mark hollow"[^>]*fill="#fff"/);
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
});
