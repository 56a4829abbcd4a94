/**
 * Builds the project's small map of England's upper-tier local authorities from the ONS boundary
 * file: keep English features, project to a fixed pixel frame, simplify, quantise, and add the
 * former authorities that appear in the statistics but not in the December 2023 boundaries.
 *
 * Library choice: topojson-server (shared arcs, so neighbouring authorities never gap or overlap
 * after simplification), topojson-simplify (Visvalingam on those shared arcs) and topojson-client
 * (merge of successors into a former authority, quantisation). They are Mike Bostock's reference
 * TopoJSON implementations. The projection is d3-geo's transverse Mercator on the British National
 * Grid's central meridian (2° W), applied point by point: the data are already a small, clipped
 * area, so there is no need for spherical clipping or resampling.
 */
import { geoTransverseMercator } from 'd3';
import { mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';

/** An authority abolished before the boundary file, drawn as the union of its successors. */
export type FormerAuthority = { code: string; name: string; successors: readonly string[]; note: string };

/**
 * Former authorities whose area is exactly the union of current ones, so their outline can be
 * derived without another boundary file. (Dorset county and Bournemouth/Poole are not: Christchurch
 * moved between them in 2019, so they are reported as having no geometry instead.)
 */
export const FORMER_AUTHORITIES: readonly FormerAuthority[] = [
  {
    code: 'E10000006',
    name: 'Cumbria',
    successors: ['E06000063', 'E06000064'],
    note: 'Abolished April 2023; outline is Cumberland and Westmorland and Furness merged.',
  },
  {
    code: 'E10000021',
    name: 'Northamptonshire',
    successors: ['E06000061', 'E06000062'],
    note: 'Abolished April 2021; outline is North and West Northamptonshire merged.',
  },
];

/** The metadata written into the derived file, so the map credits its source wherever it goes. */
export type EnglandMapMeta = {
  source: string;
  licence: string;
  attribution: string;
  projection: string;
  width: number;
  height: number;
};

/** The derived map: a quantised TopoJSON with `authorities` (current) and `former` objects. */
export type EnglandTopology = Topology<{
  authorities: GeometryCollection<{ name: string }>;
  former: GeometryCollection<{ name: string; successors: string[]; note: string }>;
}> & { meta: EnglandMapMeta };

type Position = [number, number];
type GeoFeature = {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry:
    { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
};

/** Stated defaults: frame width in px, padding, simplification threshold (px²) and quantisation. */
export const englandTopologyDefaults = { width: 400, padding: 4, minArea: 0.1, quantization: 1e4 } as const;

/**
 * Projects, simplifies and quantises the English features of an ONS "Counties and Unitary
 * Authorities" GeoJSON. Throws an Error naming `sourceName` if the input is not a FeatureCollection
 * with CTYUA23CD/CTYUA23NM properties, or if a former authority's successor is missing.
 */
export function englandTopology(
  geojson: unknown,
  sourceName: string,
  options: Partial<Record<keyof typeof englandTopologyDefaults, number>> = {},
): EnglandTopology {
  const { width, padding, minArea, quantization } = { ...englandTopologyDefaults, ...options };
  const fc = geojson as { type?: unknown; features?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new Error(`${sourceName}: expected a GeoJSON FeatureCollection; found ${JSON.stringify(fc?.type)}`);
  const features = (fc.features as GeoFeature[]).filter((f, i) => {
    const code = f?.properties?.['CTYUA23CD'];
    if (typeof code !== 'string' || typeof f.properties['CTYUA23NM'] !== 'string')
      throw new Error(
        `${sourceName}: feature ${i} has no CTYUA23CD/CTYUA23NM properties; is this the CTYUA 2023 file?`,
      );
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon')
      throw new Error(
        `${sourceName}: feature ${code} has geometry ${(f.geometry as { type?: string } | undefined)?.type}; expected Polygon or MultiPolygon`,
      );
    return code.startsWith('E');
  });
  if (features.length === 0) throw new Error(`${sourceName}: no English features (codes starting "E")`);

  const projection = geoTransverseMercator().rotate([2, 0]).scale(1).translate([0, 0]);
  const project = (p: Position): Position => projection(p) as Position;
  const polygons = (g: GeoFeature['geometry']): Position[][][] =>
    g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const projected = features.map((f) => ({
    code: f.properties['CTYUA23CD'] as string,
    name: f.properties['CTYUA23NM'] as string,
    polygons: polygons(f.geometry).map((poly) => poly.map((ring) => ring.map(project))),
  }));
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of projected)
    for (const poly of f.polygons)
      for (const ring of poly)
        for (const [x, y] of ring) {
          [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
        }
  const k = (width - 2 * padding) / (x1 - x0);
  const height = Math.ceil((y1 - y0) * k + 2 * padding);
  const fit = ([x, y]: Position): Position => [padding + (x - x0) * k, padding + (y - y0) * k];

  const collection = {
    type: 'FeatureCollection' as const,
    features: projected
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((f) => ({
        type: 'Feature' as const,
        id: f.code,
        properties: { name: f.name },
        geometry: {
          type: 'MultiPolygon' as const,
          coordinates: f.polygons.map((poly) => poly.map((ring) => ring.map(fit))),
        },
      })),
  };
  const topo = topology({ authorities: collection });
  const simplified = quantize(
    simplify(presimplify(topo as Parameters<typeof presimplify>[0]), minArea),
    quantization,
  );

  const current = simplified.objects['authorities'] as GeometryCollection<{ name: string }>;
  const byCode = new Map(current.geometries.map((g) => [String(g.id), g as Polygon | MultiPolygon]));
  const former = FORMER_AUTHORITIES.map((f) => {
    const parts = f.successors.map((code) => {
      const g = byCode.get(code);
      if (!g)
        throw new Error(`${sourceName}: ${f.name} needs its successor ${code}, which is not in the file`);
      return g;
    });
    return {
      ...mergeArcs(simplified as Parameters<typeof mergeArcs>[0], parts),
      id: f.code,
      properties: { name: f.name, successors: [...f.successors], note: f.note },
    };
  });
  return {
    ...simplified,
    objects: {
      authorities: current,
      former: { type: 'GeometryCollection', geometries: former },
    },
    meta: {
      source:
        'Office for National Statistics, Counties and Unitary Authorities (December 2023) Boundaries UK BSC',
      licence: 'Open Government Licence v3.0',
      attribution:
        'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2023.',
      projection: 'Transverse Mercator, central meridian 2° W, fitted to the frame; north up',
      width,
      height,
    },
  } as EnglandTopology;
}

/**
 * Compares the authority codes of a data table with the map: which codes have no outline, and which
 * outlines no row. Former authorities in {@link FORMER_AUTHORITIES} count as having an outline.
 */
export function compareCodes(
  topo: EnglandTopology,
  codes: readonly string[],
): { withoutGeometry: string[]; withoutData: string[] } {
  const drawn = new Set([
    ...topo.objects.authorities.geometries.map((g) => String(g.id)),
    ...topo.objects.former.geometries.map((g) => String(g.id)),
  ]);
  const wanted = new Set(codes);
  return {
    withoutGeometry: [...wanted].filter((c) => !drawn.has(c)).sort(),
    withoutData: topo.objects.authorities.geometries
      .map((g) => String(g.id))
      .filter((c) => !wanted.has(c))
      .sort(),
  };
}
