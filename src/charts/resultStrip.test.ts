import { describe, expect, it } from 'vitest';
import { resultStrip } from './resultStrip.ts';
import { textWidth } from './textWidth.ts';

const options = {
  id: 'r',
  title: 'A result',
  lowerLabel: 'Fewer with SWIS',
  upperLabel: 'More with SWIS',
  bandPercent: 10,
  kind: 'published' as const,
};

/** Each <text>'s estimated left and right edge, from its x, anchor, font size and characters. */
function textBoxes(svg: string): { text: string; left: number; right: number }[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)]
    .filter(([, attrs]) => /\sx="/.test(attrs!))
    .map(([, attrs, text]) => {
      const x = Number(/\sx="([\d.-]+)"/.exec(attrs!)![1]);
      const size = Number(/font-size="([\d.]+)"/.exec(attrs!)?.[1] ?? 15);
      const w = textWidth(text!.replace(/&[a-z]+;/g, 'x'), size);
      const anchor = /text-anchor="(\w+)"/.exec(attrs!)?.[1] ?? 'start';
      const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
      return { text: text!, left, right: left + w };
    });
}

describe('resultStrip', () => {
  it('is laid out for the text column and again for a phone, whose text stays at 11 px in a 288 px column', () => {
    const chart = resultStrip({ estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 }, options);
    expect(chart.width).toBe(720);
    expect(chart.narrow?.id).toBe('r-narrow');
    expect(chart.narrow!.minWidth).toBeLessThanOrEqual(288);
  });

  it('labels the estimate and both ends of its interval to 3 decimals, and names the band and the line of no difference', () => {
    const { svg, table } = resultStrip({ estimate: 1.055, ciLow: 0.955, ciHigh: 1.166 }, options);
    for (const t of [
      '1.055',
      '0.955',
      '1.166',
      'Little or no difference',
      '← Fewer with SWIS',
      'More with SWIS →',
    ])
      expect(svg).toContain(`>${t}<`);
    expect(svg).toContain('1 means no difference');
    expect(svg).toMatch(
      /<desc[^>]*>[^<]*crosses the line of no difference at 1\. The band of little or no difference runs from 0\.90 to 1\.10; the interval reaches beyond it\./,
    );
    expect(table.rows).toEqual([['Published', '1.055', '0.955', '1.166', '0.90', '1.10']]);
  });

  it('keeps every label inside the chart, and apart, for wide, narrow and one-sided intervals, in both layouts', () => {
    for (const [estimate, ciLow, ciHigh] of [
      [1.055, 0.955, 1.166],
      [0.62, 0.6, 0.65],
      [1.8, 1.02, 3.4],
      [0.999, 0.998, 1.001],
    ] as const) {
      const chart = resultStrip(
        { estimate, ciLow, ciHigh },
        { ...options, lowerLabel: 'Fewer with the programme' },
      );
      for (const result of [chart, chart.narrow!]) {
        const width = Number(/width="([\d.]+)"/.exec(result.svg)![1]);
        const boxes = textBoxes(result.svg);
        for (const b of boxes) {
          expect(b.left, `${b.text} for ${ciLow}–${ciHigh}`).toBeGreaterThanOrEqual(0);
          expect(b.right, `${b.text} for ${ciLow}–${ciHigh}`).toBeLessThanOrEqual(width);
        }
        const ends = boxes.filter((b) => b.text === ciLow.toFixed(3) || b.text === ciHigh.toFixed(3));
        expect(ends).toHaveLength(2);
        expect(ends[0]!.right, `end labels of ${ciLow}–${ciHigh} overlap`).toBeLessThan(ends[1]!.left);
      }
    }
  });

  it('draws a computed estimate as a filled square and leaves the band out when none is given', () => {
    const { svg, table } = resultStrip(
      { estimate: 0.9, ciLow: 0.8, ciHigh: 1.01 },
      { ...options, kind: 'computed', bandPercent: undefined },
    );
    expect(svg).toContain('class="mark fill"');
    expect(svg).not.toContain('class="shade"');
    expect(svg).not.toContain('Little or no difference');
    expect(table.columns.map((c) => c.label)).toEqual([
      'Estimate',
      'Rate ratio',
      '95% CI lower',
      '95% CI upper',
    ]);
  });

  it('refuses an interval out of order or not above zero, naming the chart', () => {
    expect(() => resultStrip({ estimate: 1.2, ciLow: 0.9, ciHigh: 1.1 }, options)).toThrow(
      /resultStrip: needs 0 < ciLow <= estimate <= ciHigh; got 0.9, 1.2, 1.1 \(chart "A result"\)/,
    );
    expect(() => resultStrip({ estimate: 0, ciLow: 0, ciHigh: 1 }, options)).toThrow(RangeError);
    expect(() =>
      resultStrip({ estimate: 1, ciLow: 0.9, ciHigh: 1.1 }, { ...options, bandPercent: 100 }),
    ).toThrow(/bandPercent must be above 0 and below 100/);
  });
});
