import { describe, expect, it } from 'vitest';
import { legend, type LegendItem } from './legend.ts';

const item = (label: string): LegendItem => ({
  swatch: { type: 'line', stroke: '#000', strokeWidth: 2 },
  label,
});
const rowsOf = (svg: string) => new Set([...svg.matchAll(/<line[^>]* y1="([\d.]+)"/g)].map((m) => m[1])).size;

describe('legend', () => {
  it('puts items side by side while they fit the width, and wraps the rest onto new rows', () => {
    const items = ['England', 'London', 'Lambeth'].map(item);
    const wide = legend(items, { x: 0, y: 0, width: 600 });
    const narrow = legend(items, { x: 0, y: 0, width: 100 });
    expect(rowsOf(wide.svg)).toBe(1);
    expect(rowsOf(narrow.svg)).toBe(3);
    expect(narrow.height).toBeGreaterThan(wide.height * 2.5);
  });

  it('wraps a label longer than the width onto lines of its own and grows to hold them', () => {
    const long = legend([item('Authorities in both the pilot and the trial')], { x: 0, y: 0, width: 140 });
    expect(long.svg.match(/<tspan/g)?.length).toBeGreaterThan(1);
    expect(long.height).toBeGreaterThan(legend([item('Pilot')], { x: 0, y: 0, width: 140 }).height);
  });

  it('draws symbols from d3, areas with a pattern over the colour, and escapes labels', () => {
    const { svg } = legend(
      [
        { swatch: { type: 'symbol', shape: 'times', attributes: ' stroke="#000"' }, label: 'No data' },
        { swatch: { type: 'area', fill: '#E69F00', pattern: 'm-hatch' }, label: '<Pilot> & trial' },
      ],
      { x: 10, y: 20, width: 400, fontSize: 16 },
    );
    expect(svg).toMatch(/<path transform="translate\([\d.]+ [\d.]+\)" d="M[^"]+" stroke="#000"\/>/);
    expect(svg).toContain('fill="url(#m-hatch)"');
    expect(svg).toContain('&lt;Pilot&gt; &amp; trial');
    expect(svg).toContain('font-size="16"');
  });
});
