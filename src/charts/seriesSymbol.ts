import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTimes, symbolTriangle } from 'd3';
import { round1 } from './round1.ts';

/** The marker shapes series are told apart by (besides colour and dash), from d3-shape's symbols. */
export const seriesSymbols = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  /** A "×": drawn with a stroke, not a fill; marks a missing value. */
  times: symbolTimes,
} as const;

export type SeriesSymbol = keyof typeof seriesSymbols;

/** Stated default: a symbol's area in px² (about a 9 px circle). */
export const seriesSymbolDefaults = { area: 64 } as const;

/**
 * A d3 symbol as an SVG `<path>` centred on (x, y): the path data from `d3.symbol` (rounded to
 * 0.1 px), placed with a translate so the same shape reads the same wherever it is drawn.
 * `attributes` is already-safe attribute text (` fill="#000"`); `inner` is already-escaped
 * content such as a `<title>`.
 * @example symbolMark('square', 10, 20, ' fill="red"') === '<path transform="translate(10 20)" d="M-4,-4h8v8h-8Z" fill="red"/>'
 */
export function symbolMark(
  shape: SeriesSymbol,
  x: number,
  y: number,
  attributes = '',
  inner = '',
  area: number = seriesSymbolDefaults.area,
): string {
  const d = symbol(seriesSymbols[shape], area).digits(1)() ?? '';
  const open = `<path transform="translate(${round1(x)} ${round1(y)})" d="${d}"${attributes}`;
  return inner ? `${open}>${inner}</path>` : `${open}/>`;
}
