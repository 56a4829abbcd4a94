import { geoPath, quantileSorted, scaleQuantize, schemeRdBu } from 'd3';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { EnglandTopology } from '../lib/geo/englandTopology.ts';
import { formatChange, formatNumber } from '../lib/format/formatNumber.ts';
import { chartFrame } from './chartFrame.ts';
import { chartWidths, type ChartResult } from './chartTypes.ts';
import { escapeXml } from './escapeXml.ts';
import { okabeIto } from './okabeIto.ts';
import { RelativePath } from './relativePath.ts';
import { round1 } from './round1.ts';
import { legend, type LegendItem } from './legend.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/** A category of a membership map; `pattern` is drawn over the colour so colour is never the only cue. */
export type MapCategory = { key: string; label: string; colour: string; pattern: 'none' | 'hatch' | 'dots' };

/** The value of one authority: a category key, or a number (null = no data, never zero). */
export type MapValue = { laCode: string; name: string; category?: string; value?: number | null };

/** Options for {@link englandMap}; `id` must be unique on the page. */
export type EnglandMapOptions = {
  id: string;
  title: string;
  /** Categorical (membership) or diverging (a change, centred on zero). */
  scale:
    | { type: 'categories'; categories: readonly MapCategory[]; otherLabel: string }
    | { type: 'diverging'; unit: string; valueLabel: string };
  /** Codes drawn with a heavy outline (for example the programme authorities) and what that means. */
  outline?: { codes: readonly string[]; label: string };
};

/**
 * Stated defaults: the London inset's size, the colour of areas outside every category, and the
 * two layouts. The column layout is {@link chartWidths}.column wide, the map drawn 1.4 times its
 * projected size (560 px of 720; about 640 px tall, so map and key fit a laptop's screen) with
 * 14 px text (11 px or more down to a 566 px box). The phone layout is the map at its projected
 * size with 16 px text, which stays at 11 px or more in a 275 px column; it draws no outline of
 * its own but points at the column layout's (`<use>`), so a second layout adds only its text.
 */
export const englandMapDefaults = {
  insetWidth: 128,
  otherFill: '#ffffff',
  bins: 6,
  fontSize: 16,
  column: chartWidths.column,
  columnScale: 1.4,
  columnFontSize: 14,
} as const;

type DrawnFeature = {
  code: string;
  name: string;
  d: string;
  bounds: [[number, number], [number, number]];
};

/**
 * The authorities to draw for a set of values: every current authority, except that a former
 * authority (such as Cumbria) replaces its successors when the values name it and none of its
 * successors, so data from before a reorganisation lands on the outline it was collected for.
 */
export function mapFeatures(topo: EnglandTopology, codes: ReadonlySet<string>): DrawnFeature[] {
  const writer = new RelativePath();
  const path = geoPath(null, writer);
  const successors = (g: { properties?: unknown }) => (g.properties as { successors: string[] }).successors;
  const former = topo.objects.former.geometries.filter(
    (g) => codes.has(String(g.id)) && !successors(g).some((s) => codes.has(s)),
  );
  const replaced = new Set(former.flatMap(successors));
  const toDrawn = (f: Feature<Polygon | MultiPolygon, { name: string }>): DrawnFeature => {
    path(f);
    return { code: String(f.id), name: f.properties.name, d: writer.result(), bounds: path.bounds(f) };
  };
  const current = topo.objects.authorities.geometries
    .filter((g) => !replaced.has(String(g.id)))
    .map((g) => toDrawn(feature(topo, g) as Feature<Polygon | MultiPolygon, { name: string }>));
  const merged = former.map((g) =>
    toDrawn(feature(topo, g) as Feature<Polygon | MultiPolygon, { name: string }>),
  );
  return [...current, ...merged].sort((a, b) => a.code.localeCompare(b.code));
}

function patternDefs(id: string): string {
  return [
    `<pattern id="${id}-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="5" stroke="#000" stroke-width="1.4"/></pattern>`,
    `<pattern id="${id}-dots" width="5" height="5" patternUnits="userSpaceOnUse"><circle cx="2.5" cy="2.5" r="1.1" fill="#000"/></pattern>`,
    `<pattern id="${id}-nodata" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><line x1="0" y1="0" x2="0" y2="4" stroke="#767676" stroke-width="0.8"/></pattern>`,
  ].join('');
}

/**
 * Choropleth of England's upper-tier local authorities, with London enlarged in an inset. Either
 * categorical (programme membership: each category a colour and a pattern) or diverging (a change,
 * binned symmetrically about zero on ColorBrewer's RdBu, blue for falls, with "no data" hatched,
 * never coloured as zero). Every area has a `<title>` naming it and its value; the legend is text;
 * optional heavy outlines mark a set of authorities. Two layouts (see {@link englandMapDefaults}):
 * the column one, which carries the outlines and is the downloadable image, and a phone one
 * (`narrow`) that points at them. Every area whose pattern a layout shows has its outline once
 * more in that layout, since a `<pattern>` in the hidden layout draws nothing: a few areas on
 * these maps, but a map that is mostly "no data" would carry most outlines twice.
 * Throws RangeError for an unknown category.
 */
export function englandMap(
  data: { topology: EnglandTopology; values: readonly MapValue[] },
  options: EnglandMapOptions,
): ChartResult {
  const { id, title, scale } = options;
  const { insetWidth, otherFill, bins, fontSize } = englandMapDefaults;
  const { width: mapWidth, height: mapHeight } = data.topology.meta;
  const byCode = new Map(data.values.map((v) => [v.laCode, v]));
  const withData = data.values.filter((v) => v.category !== undefined || typeof v.value === 'number');
  const drawn = mapFeatures(data.topology, new Set(withData.map((v) => v.laCode)));
  const drawnCodes = new Set(drawn.map((f) => f.code));
  const outlined = new Set(options.outline?.codes ?? []);

  // A pattern is named by its kind; each layout has its own <pattern> of each kind (patternDefs).
  type Pattern = 'hatch' | 'dots' | 'nodata' | null;
  let fillOf: (v: MapValue | undefined) => { fill: string; pattern: Pattern; text: string };
  const legendItems: { fill: string; pattern: Pattern; label: string }[] = [];
  let strip: { colours: string[]; edges: number[]; open: boolean } | null = null;
  if (scale.type === 'categories') {
    const cats = new Map(scale.categories.map((c) => [c.key, c]));
    for (const v of data.values)
      if (v.category !== undefined && !cats.has(v.category))
        throw new RangeError(
          `englandMap: ${v.name} has category "${v.category}", which is not in the legend`,
        );
    fillOf = (v) => {
      const c = v?.category === undefined ? undefined : cats.get(v.category);
      return c
        ? { fill: c.colour, pattern: c.pattern === 'none' ? null : c.pattern, text: c.label }
        : { fill: otherFill, pattern: null, text: scale.otherLabel };
    };
    for (const c of scale.categories)
      legendItems.push({
        fill: c.colour,
        pattern: c.pattern === 'none' ? null : c.pattern,
        label: c.label,
      });
    legendItems.push({ fill: otherFill, pattern: null, label: scale.otherLabel });
  } else {
    const known = data.values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
    for (const v of known) if (!Number.isFinite(v)) throw new RangeError(`englandMap: non-finite value ${v}`);
    // Scale to the 95th percentile of |change|, not the maximum, so one outlier cannot wash every
    // other area into the palest bins; the end bins are open ("≥", "≤") and the table has exact values.
    const absolute = known.map(Math.abs).sort((a, b) => a - b);
    const trueMax = absolute[absolute.length - 1] ?? 0;
    const rawMax = Math.max(1e-9, quantileSorted(absolute, 0.95) ?? 0);
    // A symmetric, nice domain so equal colours either side of zero mean equal sizes of change.
    const raw = rawMax / (bins / 2);
    const pow = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((v) => v >= raw * (1 - 1e-9)) ?? 10 * pow;
    const domainMax = step * (bins / 2);
    const colours = [...(schemeRdBu[bins] as readonly string[])].reverse();
    const q = scaleQuantize<string>().domain([-domainMax, domainMax]).range(colours);
    fillOf = (v) =>
      typeof v?.value === 'number'
        ? { fill: q(v.value), pattern: null, text: `${formatChange(v.value)} ${scale.unit}` }
        : { fill: '#ffffff', pattern: 'nodata', text: 'no data' };
    strip = { colours, edges: [-domainMax, ...q.thresholds(), domainMax], open: trueMax > domainMax };
    legendItems.push({ fill: '#ffffff', pattern: 'nodata', label: 'No data' });
  }

  // London inset: the E09 boroughs redrawn larger in the empty North Sea corner.
  const london = drawn.filter((f) => f.code.startsWith('E09'));
  const lb: [[number, number], [number, number]] | null = london.length
    ? [
        [Math.min(...london.map((f) => f.bounds[0][0])), Math.min(...london.map((f) => f.bounds[0][1]))],
        [Math.max(...london.map((f) => f.bounds[1][0])), Math.max(...london.map((f) => f.bounds[1][1]))],
      ]
    : null;
  // Top left is sea (the Irish Sea and Scotland are not drawn), so the inset hides no authority.
  const insetX = 6;
  const insetY = 6;
  const k = lb ? insetWidth / (lb[1][0] - lb[0][0]) : 1;
  const insetHeight = lb ? (lb[1][1] - lb[0][1]) * k : 0;
  // Heavy outlines last, so neighbours do not paint over them.
  const byOutline = (list: DrawnFeature[]) =>
    [...list].sort((a, b) => Number(outlined.has(a.code)) - Number(outlined.has(b.code)));

  // The areas' fills and outlines, in map units: drawn once, in the column layout, under ids the
  // phone layout's <use> elements point at, so the page carries one copy of the outlines.
  const area = (f: DrawnFeature, stroke: number, title: boolean) => {
    const v = byCode.get(f.code);
    const { fill, text } = fillOf(v);
    const heavy = outlined.has(f.code);
    const label = `${escapeXml(v?.name ?? f.name)}: ${escapeXml(text)}${heavy && options.outline ? ` (${escapeXml(options.outline.label)})` : ''}`;
    const sw = round1(heavy ? stroke * 3 : stroke);
    // White areas become the background in forced colours, so their CanvasText borders still show.
    return `<path class="area mark${fill === '#ffffff' ? ' hollow' : ''}" d="${f.d}" fill="${fill}" stroke="${heavy ? '#000' : '#6b6b6b'}" stroke-width="${sw}" data-code="${f.code}">${title ? `<title>${label}</title>` : ''}</path>`;
  };
  // A pattern over a fill is each layout's own: a <pattern> inside a hidden layout draws nothing.
  const overlays = (list: DrawnFeature[], layoutId: string) =>
    list
      .map((f) => ({ f, pattern: fillOf(byCode.get(f.code)).pattern }))
      .filter(({ pattern }) => pattern !== null)
      .map(
        ({ f, pattern }) =>
          `<path d="${f.d}" fill="url(#${layoutId}-${pattern})" pointer-events="none" aria-hidden="true"/>`,
      )
      .join('');
  const mapId = `${id}-areas`;
  const londonId = `${id}-london`;

  /**
   * One layout, `width` wide, with the map drawn `zoom` times its projected size and centred, and
   * text at `fontSize` below it. `areas` is "draw" for the layout that carries the outlines and
   * "use" for one that points at them.
   */
  const drawLayout = (
    layoutId: string,
    width: number,
    zoom: number,
    fontSize: number,
    areas: 'draw' | 'use',
  ) => {
    const lineHeight = round1(fontSize * 1.1);
    const x0 = round1((width - mapWidth * zoom) / 2);
    const parts: string[] = [`<defs>${patternDefs(layoutId)}</defs>`];
    parts.push(`<g transform="translate(${x0} 0)${zoom === 1 ? '' : ` scale(${zoom})`}">`);
    parts.push(
      areas === 'draw'
        ? `<g class="map" stroke-linejoin="round" id="${mapId}">${byOutline(drawn)
            .map((f) => area(f, 0.4, true))
            .join('')}</g>`
        : `<use href="#${mapId}"/>`,
      overlays(drawn, layoutId),
    );
    if (lb) {
      // The inset's frame leaves room below London for its label, two lines of text at `fontSize`.
      const labelRoom = (2 * lineHeight) / zoom;
      parts.push(
        `<g class="inset"><rect class="hollow" x="${insetX - 4}" y="${insetY - 4}" width="${insetWidth + 8}" height="${round1(insetHeight + 8 + labelRoom)}" fill="#fff" stroke="currentColor" stroke-width="1"/>`,
        `<g transform="translate(${round1(insetX - lb[0][0] * k)} ${round1(insetY - lb[0][1] * k)}) scale(${round1(k * 100) / 100})">`,
        areas === 'draw'
          ? `<g stroke-linejoin="round" id="${londonId}">${byOutline(london)
              .map((f) => area(f, 0.4 / k, false))
              .join('')}</g>`
          : `<use href="#${londonId}"/>`,
        overlays(london, layoutId),
        `</g></g>`,
      );
      // Where the inset comes from.
      parts.push(
        `<rect x="${round1(lb[0][0] - 1)}" y="${round1(lb[0][1] - 1)}" width="${round1(lb[1][0] - lb[0][0] + 2)}" height="${round1(lb[1][1] - lb[0][1] + 2)}" fill="none" stroke="currentColor" stroke-width="1" class="rule"/>`,
      );
    }
    parts.push(`</g>`);
    if (lb)
      // The inset's label, outside the scaled map so its text is `fontSize` on the page.
      parts.push(
        wrappedText(
          ['London', '(enlarged)'],
          round1(x0 + (insetX + insetWidth / 2) * zoom),
          round1((insetY + insetHeight + 2) * zoom + lineHeight),
          fontSize,
          ` text-anchor="middle" font-size="${fontSize}"`,
        ),
      );

    // Legend under the map: swatch (colour and pattern) plus text.
    let ly = round1(mapHeight * zoom + 12);
    parts.push(`<g font-size="${fontSize}">`);
    if (scale.type === 'diverging' && strip) {
      // A continuous strip reads in order (falls to rises); each edge is labelled.
      const titleLines = wrapLabel(`${scale.valueLabel} (${scale.unit})`, (width - 8) / 1.2, fontSize, 2);
      parts.push(
        wrappedText(
          titleLines,
          4,
          ly + ((titleLines.length - 1) * lineHeight) / 2 + fontSize / 2,
          fontSize,
          ' font-weight="600"',
        ),
      );
      ly += titleLines.length * lineHeight + 4;
      // Inset so that an open end's label ("≤−20") stays inside the frame.
      const sx = 32;
      const sw = (width - 2 * sx) / strip.colours.length;
      const step = (strip.edges[1] ?? 0) - (strip.edges[0] ?? 0);
      const digits = Number.isInteger(Math.round(step * 1000) / 1000) ? 0 : 1;
      strip.colours.forEach((c, i) =>
        parts.push(
          `<rect class="mark" x="${round1(sx + i * sw)}" y="${ly}" width="${round1(sw)}" height="14" fill="${c}" stroke="#6b6b6b" stroke-width="0.5"/>`,
        ),
      );
      const open = strip.open;
      const last = strip.edges.length - 1;
      strip.edges.forEach((e, i) =>
        parts.push(
          `<text x="${round1(sx + i * sw)}" y="${round1(ly + 16 + fontSize)}" text-anchor="middle">${open && i === 0 ? '≤' : ''}${open && i === last ? '≥' : ''}${Math.abs(e) < 1e-9 ? '0' : formatChange(e, digits)}</text>`,
        ),
      );
      const arrowsY = round1(ly + 16 + fontSize + lineHeight + 2);
      parts.push(
        `<text x="4" y="${arrowsY}">\u2190 fell</text><text x="${width - 4}" y="${arrowsY}" text-anchor="end">rose \u2192</text>`,
      );
      ly = arrowsY + 10;
    }
    const items: LegendItem[] = legendItems.map((item) => ({
      swatch: {
        type: 'area',
        fill: item.fill,
        ...(item.pattern ? { pattern: `${layoutId}-${item.pattern}` } : {}),
      },
      label: item.label,
    }));
    if (options.outline)
      items.push({ swatch: { type: 'area', fill: 'none', outline: true }, label: options.outline.label });
    const key = legend(items, { x: 4, y: ly, width: width - 8, fontSize });
    parts.push(key.svg, `</g>`);
    return { body: parts.join(''), height: round1(ly + key.height + 4) };
  };

  // Every value is in the table, including any whose area has no outline on this map.
  const rows = data.values
    .map((v) => ({ f: { code: v.laCode }, v, offMap: !drawnCodes.has(v.laCode) }))
    .filter(({ v, offMap }) => !offMap || v.category !== undefined || typeof v.value === 'number')
    .sort((a, b) => a.v.name.localeCompare(b.v.name, 'en-GB'));
  const table =
    scale.type === 'categories'
      ? {
          caption: title,
          columns: [
            { label: 'Local authority', numeric: false },
            { label: 'Code', numeric: false },
            { label: 'Category', numeric: false },
          ],
          rows: rows
            .filter(({ v }) => v.category !== undefined)
            .map(({ f, v, offMap }) => [
              v.name + (offMap ? ' (not on the map: no boundary)' : ''),
              f.code,
              fillOf(v).text,
            ]),
        }
      : {
          caption: `${title} (${scale.unit})`,
          columns: [
            { label: 'Local authority', numeric: false },
            { label: 'Code', numeric: false },
            { label: scale.valueLabel, numeric: true },
          ],
          rows: rows.map(({ f, v, offMap }) => [
            v.name +
              (outlined.has(f.code) && options.outline ? ` (${options.outline.label})` : '') +
              (offMap ? ' (not on the map: no boundary)' : ''),
            f.code,
            typeof v.value === 'number' ? formatChange(v.value) : 'no data',
          ]),
        };
  const desc = mapDescription(data.values, options, drawn.length);
  const { column, columnScale, columnFontSize } = englandMapDefaults;
  const wide = drawLayout(id, column, columnScale, columnFontSize, 'draw');
  const narrowId = `${id}-narrow`;
  const phone = drawLayout(narrowId, mapWidth, 1, fontSize, 'use');
  return {
    ...chartFrame({
      id,
      width: column,
      height: wide.height,
      title,
      desc,
      body: wide.body,
      table,
      fontSize: columnFontSize,
    }),
    narrow: chartFrame({
      id: narrowId,
      width: mapWidth,
      height: phone.height,
      title,
      desc,
      body: phone.body,
      table,
      fontSize,
    }),
  };
}

/** The `<desc>` of a map, from the data: counts per category, or the largest rise and fall. */
export function mapDescription(
  values: readonly MapValue[],
  options: Pick<EnglandMapOptions, 'scale' | 'outline'>,
  areas: number,
): string {
  const { scale } = options;
  const out = [`Map of ${formatNumber(areas, 0)} local authority areas in England, with London enlarged.`];
  if (scale.type === 'categories') {
    for (const c of scale.categories) {
      const names = values.filter((v) => v.category === c.key).map((v) => v.name);
      out.push(`${c.label}: ${names.length} (${names.join(', ') || 'none'}).`);
    }
    return out.join(' ');
  }
  const known = values.filter((v): v is MapValue & { value: number } => typeof v.value === 'number');
  const missing = values.filter((v) => typeof v.value !== 'number').map((v) => v.name);
  out.push(`Colour shows ${scale.valueLabel.toLowerCase()} (${scale.unit}).`);
  if (known.length) {
    const hi = known.reduce((a, b) => (b.value > a.value ? b : a));
    const lo = known.reduce((a, b) => (b.value < a.value ? b : a));
    const rose = known.filter((v) => v.value > 0).length;
    const fell = known.filter((v) => v.value < 0).length;
    out.push(
      `${rose} rose and ${fell} fell. Largest rise: ${hi.name}, ${formatChange(hi.value)}. Largest fall: ${lo.name}, ${formatChange(lo.value)}.`,
    );
  }
  if (options.outline) {
    const marked = known.filter((v) => options.outline!.codes.includes(v.laCode));
    if (marked.length) {
      const rose = marked.filter((v) => v.value > 0).length;
      out.push(
        `Of the ${marked.length} ${options.outline.label.toLowerCase()} with data, ${rose} rose and ${marked.length - rose} did not.`,
      );
    }
  }
  if (missing.length) out.push(`No data (hatched, not zero): ${missing.join(', ')}.`);
  return out.join(' ');
}

/**
 * Okabe–Ito categories for programme membership, each with its own pattern, for the studies present:
 * each study is named by its label (e.g. "Trial (2020–22)"), and "Pilot and trial" appears only
 * when there are both.
 */
export function programmeCategories(studies: {
  pilot?: string | undefined;
  trial?: string | undefined;
}): MapCategory[] {
  const { pilot, trial } = studies;
  return [
    ...(pilot && trial
      ? [{ key: 'both', label: 'Pilot and trial', colour: okabeIto.reddishPurple, pattern: 'dots' } as const]
      : []),
    ...(pilot
      ? [{ key: 'pilot', label: `${pilot} only`, colour: okabeIto.orange, pattern: 'hatch' } as const]
      : []),
    ...(trial
      ? [{ key: 'trial', label: `${trial} only`, colour: okabeIto.skyBlue, pattern: 'none' } as const]
      : []),
  ];
}
