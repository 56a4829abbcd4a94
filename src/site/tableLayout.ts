import type { ChartTable } from '../charts/chartTypes.ts';
import { textWidth } from '../charts/textWidth.ts';

/**
 * The narrowest content width the site's column has: a 320 px screen less the page's 1rem
 * padding on each side (WCAG 1.4.10 Reflow asks for 320 CSS px without sideways scrolling).
 */
export const NARROWEST_COLUMN_PX = 320 - 2 * 16;

/** Table text is 0.95rem; header and row-header cells are bold, so their glyphs are wider. */
const FONT_PX = 0.95 * 16;
const BOLD = 1.1;
/** A cell's left and right padding on narrow screens (0.3rem each). */
const PADDING_PX = 2 * 0.3 * 16;

/** The longest run of a text that a browser will not break (words split at spaces and after hyphens). */
function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+|(?<=[-–])/).map((w) => [...w].length));
}

/**
 * Estimated min-content width of a table in CSS px: each column as wide as its longest unbreakable
 * word (its header and the first column bold), plus padding. An estimate with no DOM, as a chart's
 * layout is (see textWidth), erring wide.
 *
 * @example tableMinWidth({ caption: 'c', columns: [{ label: 'Year', numeric: false }], rows: [['2012–13']] }) // ≈ 73
 */
export function tableMinWidth(table: Pick<ChartTable, 'columns' | 'rows'>): number {
  return table.columns.reduce((sum, column, i) => {
    const header = textWidth('x'.repeat(longestWord(column.label)), FONT_PX) * BOLD;
    const cells = table.rows.map(
      (r) => textWidth('x'.repeat(longestWord(r[i] ?? '')), FONT_PX) * (i === 0 ? BOLD : 1),
    );
    return sum + Math.max(header, ...cells) + PADDING_PX;
  }, 0);
}

/**
 * Whether a table is laid out as stacked cards on narrow screens (each row a card, each cell
 * labelled with its column) because its columns would not fit a 320 px screen side by side.
 * Narrow tables (a year and two rates) stay tables: stacking them only makes them long.
 */
export function stacksOnPhones(table: Pick<ChartTable, 'columns' | 'rows'>): boolean {
  return tableMinWidth(table) > NARROWEST_COLUMN_PX;
}
