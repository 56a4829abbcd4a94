import { escapeXml } from './escapeXml.ts';
import { round1 } from './round1.ts';

/** Stated defaults of the hatch that shades a programme's years. */
export const hatchDefaults = { size: 6, stroke: '#999', strokeWidth: 1.5 } as const;

/**
 * A diagonal hatch `<pattern>` with the id `${id}-hatch`, for `<defs>`: the fill of a programme
 * band (and of anything else shaded as "during the programme"), visible in greyscale and print.
 */
export function hatchPattern(
  id: string,
  {
    size = hatchDefaults.size,
    stroke = hatchDefaults.stroke,
    strokeWidth = hatchDefaults.strokeWidth,
  }: { size?: number; stroke?: string; strokeWidth?: number } = {},
): string {
  return `<pattern id="${id}-hatch" width="${size}" height="${size}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="${size}" stroke="${stroke}" stroke-width="${strokeWidth}"/></pattern>`;
}

/** Where a programme band goes, in px, and how it is drawn. */
export type ProgrammeBandOptions = {
  /** The chart's id: the band fills with `url(#${id}-hatch)` from {@link hatchPattern}. */
  id: string;
  x0: number;
  x1: number;
  top: number;
  height: number;
  /** Drawn centred above the band (at `top - 8`), in italics; none when omitted. */
  label?: string;
  /** Outline the band with a dashed rule, as a single large chart does; small panels do not. */
  outline?: boolean;
  fillOpacity?: number;
};

/**
 * The shaded years of a programme: a hatched rectangle from `x0` to `x1`, optionally outlined
 * and labelled, so every chart marks "when the programme ran" the same way.
 */
export function programmeBand(o: ProgrammeBandOptions): string {
  const x0 = round1(o.x0);
  const width = round1(o.x1 - o.x0);
  const outline = o.outline ? ' stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="3 3"' : '';
  const rect = `<rect class="shade" x="${x0}" y="${round1(o.top)}" width="${width}" height="${round1(o.height)}" fill="url(#${o.id}-hatch)" fill-opacity="${o.fillOpacity ?? 0.35}"${outline}/>`;
  if (!o.label) return rect;
  return `${rect}<text x="${round1(x0 + width / 2)}" y="${round1(o.top - 8)}" text-anchor="middle" font-size="12" font-style="italic">${escapeXml(o.label)}</text>`;
}
