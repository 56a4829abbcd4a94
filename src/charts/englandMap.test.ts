import { describe, expect, it } from 'vitest';
import englandTopologyJson from '../../data/geo/england-authorities.json' with { type: 'json' };
import type { EnglandTopology } from '../lib/geo/englandTopology.ts';
import { chartExamples } from './chartExamples.ts';
import { chartWidths } from './chartTypes.ts';
import { englandMap, mapFeatures, programmeCategories } from './englandMap.ts';

const topology = englandTopologyJson as unknown as EnglandTopology;
const categories = {
  type: 'categories' as const,
  categories: programmeCategories({ pilot: 'Pilot (2019)', trial: 'Trial (2020–22)' }),
  otherLabel: 'Other',
};
const numbers = (d: string) => (d.match(/-?\d*\.?\d+/g) ?? []).map(Number);
// Absolute points of a path written as M x,y then relative l dx,dy steps.
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let [x, y] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MlZz])([^MlZz]*)/g)) {
    const [a = 0, b = 0] = numbers(args ?? '');
    if (cmd === 'M') [x, y] = [a, b];
    else if (cmd === 'l') [x, y] = [x + a, y + b];
    else continue;
    out.push([x, y]);
  }
  return out;
}

describe('englandMap', () => {
  it('draws every authority inside the frame (projection bounds)', () => {
    const { width, height } = topology.meta;
    const drawn = mapFeatures(topology, new Set());
    expect(drawn).toHaveLength(153);
    for (const f of drawn) {
      const ps = points(f.d);
      expect(ps.length, f.code).toBeGreaterThan(3);
      const xs = ps.map((p) => p[0]);
      const ys = ps.map((p) => p[1]);
      expect(Math.min(...xs), f.code).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs), f.code).toBeLessThanOrEqual(width);
      expect(Math.min(...ys), f.code).toBeGreaterThanOrEqual(0);
      expect(Math.max(...ys), f.code).toBeLessThanOrEqual(height);
      // The relative steps land where the projected outline says: within rounding of the bounds.
      expect(Math.min(...xs), f.code).toBeCloseTo(f.bounds[0][0], 0);
      expect(Math.max(...ys), f.code).toBeCloseTo(f.bounds[1][1], 0);
    }
    // North up: Northumberland is above Cornwall, Norfolk east of Cornwall.
    const box = (code: string) => drawn.find((f) => f.code === code)!.bounds;
    expect(box('E06000057')[1][1]).toBeLessThan(box('E06000052')[0][1]);
    expect(box('E10000020')[0][0]).toBeGreaterThan(box('E06000052')[1][0]);
  });

  it('places the London inset over sea, clear of every authority outside London', () => {
    const { svg } = chartExamples['england-map-programme']!();
    const m = svg.match(
      /<g class="inset"><rect class="hollow" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/,
    );
    const [x, y, w, h] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3]), Number(m?.[4])];
    expect(w).toBeGreaterThan(100);
    for (const f of mapFeatures(topology, new Set(['E10000006']))) {
      if (f.code.startsWith('E09')) continue;
      const [[x0, y0], [x1, y1]] = f.bounds;
      const overlaps = x0 < x + w && x1 > x && y0 < y + h && y1 > y;
      expect(overlaps, f.code).toBe(false);
    }
  });

  it('draws Cumbria as its successors merged when the data name Cumbria, and the successors otherwise', () => {
    const withCumbria = mapFeatures(topology, new Set(['E10000006'])).map((f) => f.code);
    expect(withCumbria).toContain('E10000006');
    expect(withCumbria).not.toContain('E06000063');
    expect(withCumbria).not.toContain('E06000064');
    const current = mapFeatures(topology, new Set(['E10000006', 'E06000063'])).map((f) => f.code);
    expect(current).not.toContain('E10000006');
    expect(current).toContain('E06000064');
    const cumbria = mapFeatures(topology, new Set(['E10000006'])).find((f) => f.code === 'E10000006')!;
    const parts = mapFeatures(topology, new Set()).filter((f) => ['E06000063', 'E06000064'].includes(f.code));
    expect(cumbria.bounds[0][0]).toBeCloseTo(Math.min(...parts.map((p) => p.bounds[0][0])), 5);
    expect(cumbria.bounds[1][1]).toBeCloseTo(Math.max(...parts.map((p) => p.bounds[1][1])), 5);
  });

  it('gives each category a colour and a pattern, and names every area with its category', () => {
    const { svg, table } = chartExamples['england-map-programme']!();
    expect(svg).toContain('<title>Lambeth: Pilot and trial</title>');
    expect(svg).toContain('<title>Cumbria: Trial (2020–22) only</title>');
    expect(svg).toContain('fill="url(#map-programme-hatch)"');
    expect(svg).toContain('fill="url(#map-programme-dots)"');
    expect(svg).toMatch(/>London<\/tspan><tspan [^>]+>\(enlarged\)</);
    expect(table.rows.map((r) => r[0])).toEqual([
      'Cumbria',
      'Devon',
      'Gateshead',
      'Lambeth',
      'Southampton',
      'Stockport',
    ]);
    expect(() =>
      englandMap(
        { topology, values: [{ laCode: 'E09000022', name: 'L', category: 'nope' }] },
        { id: 'm', title: 'T', scale: categories },
      ),
    ).toThrow(/category "nope"/);
  });

  it('bins a change symmetrically about zero, hatches no data, and lists areas with no outline', () => {
    const { svg, table } = chartExamples['england-map-change']!();
    // Largest |change| 42.5 → a nice step of 20 (≥ 42.5 / 3): six bins from −60 to +60.
    for (const t of ['>−60<', '>−40<', '>−20<', '>0<', '>+20<', '>+40<', '>+60<']) expect(svg).toContain(t);
    // No figure for Northamptonshire, so its successors are drawn (hatched), not the former outline.
    expect(svg).toContain('<title>North Northamptonshire: no data</title>');
    expect(svg).toContain('No data (hatched, not zero): Northamptonshire.');
    expect(svg).toContain('Largest rise: Southampton, +18.2. Largest fall: Lambeth, −42.5.');
    expect(table.rows).toContainEqual(['Bournemouth (not on the map: no boundary)', 'E06000028', '+3.0']);
    expect(table.rows).toContainEqual(['Lambeth (Trial authorities)', 'E09000022', '−42.5']);
    expect(table.columns[2]).toEqual({ label: 'Change in rate', numeric: true });
  });

  it('scales colours to the 95th percentile so one outlier does not wash out the rest, with open end bins', () => {
    const values = Array.from({ length: 40 }, (_, i) => ({
      laCode: `X${i}`,
      name: `A${i}`,
      value: (i % 2 ? 1 : -1) * (i % 10),
    }));
    values.push({ laCode: 'E06000001', name: 'Outlier', value: 600 });
    const { svg } = englandMap(
      { topology, values },
      { id: 'm', title: 'T', scale: { type: 'diverging', unit: 'u', valueLabel: 'Change' } },
    );
    expect(svg).toContain('>≥+15<');
    expect(svg).toContain('>≤−15<');
    expect(svg).toContain('Largest rise: Outlier, +600.0.');
  });

  it('fills the text column, and lays the map out again for a phone without a second copy of its outlines', () => {
    const chart = chartExamples['england-map-programme']!();
    const phone = chart.narrow!;
    expect([chart.width, phone.width]).toEqual([chartWidths.column, topology.meta.width]);
    // Each layout keeps its text at 11 px where the figure shows it (the column one from a 660 px box).
    expect(chart.minWidth).toBeLessThan(660);
    expect(phone.minWidth).toBeLessThanOrEqual(275);
    // The column layout carries every outline; the phone layout points at them and draws none.
    expect(chart.svg.match(/data-code="/g)).toHaveLength(
      mapFeatures(topology, new Set(['E10000006'])).length + 33,
    );
    expect(chart.svg).toContain('id="map-programme-areas"');
    expect(phone.svg).not.toContain('data-code="');
    expect(phone.svg).toContain('<use href="#map-programme-areas"/>');
    expect(phone.svg).toContain('<use href="#map-programme-london"/>');
    // Its patterns are its own: a pattern inside the hidden layout would draw nothing.
    expect(phone.svg).toContain('fill="url(#map-programme-narrow-hatch)"');
    expect(phone.svg).not.toContain('url(#map-programme-hatch)');
  });
});
