import { round1 } from './round1.ts';
import { symbolMark, type SeriesSymbol } from './seriesSymbol.ts';
import { textWidth } from './textWidth.ts';
import { wrapLabel, wrappedText } from './wrapLabel.ts';

/**
 * What stands before a legend label: a line (its stroke and dash), a d3 symbol, an area
 * (a colour and, over it, an optional pattern; `outline` draws only a heavy border), or any
 * other mark drawn by `draw`, centred on (cx, cy) in the swatch's box.
 */
export type LegendSwatch =
  | { type: 'line'; stroke: string; strokeWidth: number; dash?: string }
  | { type: 'symbol'; shape: SeriesSymbol; attributes: string }
  | { type: 'area'; fill: string; pattern?: string; stroke?: string; outline?: boolean }
  | { type: 'mark'; draw: (cx: number, cy: number) => string };

/** One legend row: a swatch and its label (plain text; escaped here). */
export type LegendItem = { swatch: LegendSwatch; label: string };

/** Where a legend goes and how large its text is. */
export type LegendOptions = {
  /** Left edge and the top of the first row, in px. */
  x: number;
  y: number;
  /** The width the legend may take: items flow left to right and wrap onto a new row at it. */
  width: number;
  fontSize?: number;
};

/** Stated defaults of {@link legend}: swatch box, the gap after it and between items. */
export const legendDefaults = {
  fontSize: 12,
  swatchWidth: 24,
  swatchHeight: 14,
  gap: 6,
  itemGap: 18,
} as const;

/** A drawn legend and the height it took, so the chart can place what comes below it. */
export type DrawnLegend = { svg: string; height: number };

function swatchMark(s: LegendSwatch, x: number, cy: number): string {
  const { swatchWidth: w, swatchHeight: h } = legendDefaults;
  const top = round1(cy - h / 2);
  switch (s.type) {
    case 'line':
      return `<line class="mark" x1="${round1(x)}" x2="${round1(x + w)}" y1="${round1(cy)}" y2="${round1(cy)}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`;
    case 'symbol':
      return symbolMark(s.shape, x + w / 2, cy, s.attributes);
    case 'area': {
      if (s.outline)
        return `<rect x="${round1(x + 3)}" y="${top}" width="${w - 6}" height="${h}" fill="none" stroke="#000" stroke-width="2.5"/>`;
      // White swatches keep a border: in forced colours they become the background (class hollow).
      const base = `<rect class="mark${s.fill === '#ffffff' || s.fill === '#fff' ? ' hollow' : ''}" x="${round1(x + 3)}" y="${top}" width="${w - 6}" height="${h}" fill="${s.fill}" stroke="${s.stroke ?? '#6b6b6b'}"/>`;
      return s.pattern
        ? `${base}<rect x="${round1(x + 3)}" y="${top}" width="${w - 6}" height="${h}" fill="url(#${s.pattern})"/>`
        : base;
    }
    case 'mark':
      return s.draw(x + w / 2, cy);
  }
}

/**
 * A legend: each item a swatch then its label, the items flowing left to right and onto a new
 * row when the next would pass `width`; a label longer than the whole width wraps onto lines of
 * its own. Every chart draws its keys with it, so a line, a symbol and a hatched area read the
 * same wherever they are explained. Returns the markup and its height.
 * @example legend([{ swatch: { type: 'line', stroke: '#000', strokeWidth: 2 }, label: 'England' }], { x: 0, y: 0, width: 300 }).height === 17.2
 */
export function legend(items: readonly LegendItem[], o: LegendOptions): DrawnLegend {
  const fontSize = o.fontSize ?? legendDefaults.fontSize;
  const { swatchWidth, gap, itemGap } = legendDefaults;
  const lineHeight = round1(fontSize * 1.1);
  const rowGap = round1(fontSize * 0.5);
  const labelRoom = o.width - swatchWidth - gap;
  const placed: { item: LegendItem; x: number; row: number; lines: string[] }[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const lines = wrapLabel(item.label, labelRoom, fontSize, 4);
    const w = swatchWidth + gap + Math.max(...lines.map((l) => textWidth(l, fontSize)));
    if (x > 0 && x + w > o.width) {
      row += 1;
      x = 0;
    }
    placed.push({ item, x, row, lines });
    x += w + itemGap;
  }
  // A row is as tall as its tallest label; rows follow one another.
  const rowLines = placed.reduce<number[]>((acc, p) => {
    acc[p.row] = Math.max(acc[p.row] ?? 1, p.lines.length);
    return acc;
  }, []);
  const rowTop = rowLines.map((_, r) =>
    rowLines.slice(0, r).reduce((sum, n) => sum + n * lineHeight + rowGap, 0),
  );
  const svg = placed
    .map((p) => {
      const cy = o.y + (rowTop[p.row] ?? 0) + lineHeight / 2 + 2;
      const lx = o.x + p.x;
      return (
        swatchMark(p.item.swatch, lx, cy) +
        wrappedText(p.lines, lx + swatchWidth + gap, cy + ((p.lines.length - 1) * lineHeight) / 2, fontSize)
      );
    })
    .join('');
  const height = round1(
    rowLines.reduce((sum, n) => sum + n * lineHeight, 0) + (rowLines.length - 1) * rowGap + 4,
  );
  return { svg: `<g class="legend" font-size="${fontSize}">${svg}</g>`, height };
}
