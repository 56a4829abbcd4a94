import { describe, expect, it } from 'vitest';
import englandTopologyJson from '../../../data/geo/england-authorities.json' with { type: 'json' };
import { compareCodes, englandTopology, type EnglandTopology } from './englandTopology.ts';

const square = (x: number, y: number, s: number) => [
  [
    [x, y],
    [x, y + s],
    [x + s, y + s],
    [x + s, y],
    [x, y],
  ],
];
const feature = (code: string, name: string, x: number, y: number) => ({
  type: 'Feature',
  properties: { CTYUA23CD: code, CTYUA23NM: name },
  geometry: { type: 'Polygon', coordinates: square(x, y, 0.5) },
});
const fc = {
  type: 'FeatureCollection',
  features: [
    feature('E06000063', 'Cumberland', -3.5, 54.5),
    feature('E06000064', 'Westmorland and Furness', -3, 54.5),
    feature('E06000061', 'North Northamptonshire', -0.8, 52.3),
    feature('E06000062', 'West Northamptonshire', -1.3, 52.3),
    feature('S12000033', 'Aberdeen City', -2.2, 57.1),
  ],
};

describe('englandTopology', () => {
  it('keeps English features, fits them to the frame and adds merged former authorities', () => {
    const t = englandTopology(fc, 'test.geo.json', { width: 200 });
    expect(t.objects.authorities.geometries.map((g) => g.id)).toEqual([
      'E06000061',
      'E06000062',
      'E06000063',
      'E06000064',
    ]);
    expect(t.objects.former.geometries.map((g) => [g.id, (g.properties as { name: string }).name])).toEqual([
      ['E10000006', 'Cumbria'],
      ['E10000021', 'Northamptonshire'],
    ]);
    expect(t.meta.width).toBe(200);
    expect(t.meta.attribution).toContain('Contains OS data © Crown copyright and database right 2023');
    // Quantised; the decoded frame runs from the padding to width − padding.
    const [sx] = t.transform!.scale;
    const [tx] = t.transform!.translate;
    expect(tx).toBeCloseTo(4, 6);
    expect(tx + sx * 9999).toBeCloseTo(196, 6);
  });

  it('names the file and the problem for input that is not the CTYUA boundary file', () => {
    expect(() => englandTopology({ type: 'Feature' }, 'x.json')).toThrow(
      'x.json: expected a GeoJSON FeatureCollection; found "Feature"',
    );
    expect(() =>
      englandTopology({ type: 'FeatureCollection', features: [{ properties: {} }] }, 'x.json'),
    ).toThrow(/x\.json: feature 0 has no CTYUA23CD/);
    expect(() =>
      englandTopology({ type: 'FeatureCollection', features: [fc.features[0]] }, 'x.json'),
    ).toThrow('x.json: Cumbria needs its successor E06000064, which is not in the file');
  });

  it('the committed map has all 153 English authorities, stays small, and matches data/authorities.csv but for three codes', async () => {
    const t = englandTopologyJson as unknown as EnglandTopology;
    expect(t.objects.authorities.geometries).toHaveLength(153);
    expect(JSON.stringify(t).length).toBeLessThan(300_000);
    const { readFileSync } = await import('node:fs');
    const codes = readFileSync(new URL('../../../data/authorities.csv', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0]!);
    // Bournemouth, Poole and the old Dorset county (to 2019) have no outline: Christchurch moved
    // between them, so they cannot be derived from the 2023 boundaries. Cumbria and
    // Northamptonshire are derived by merging their successors.
    expect(compareCodes(t, codes)).toEqual({
      withoutGeometry: ['E06000028', 'E06000029', 'E10000009'],
      withoutData: [],
    });
  });
});
