import { escapeXml } from './escapeXml.ts';
import { round1 } from './round1.ts';
import { textWidth } from './textWidth.ts';

/**
 * Splits a label into at most `maxLines` lines of about `maxWidth` px (greedy, on spaces), so
 * long authority or outcome names do not widen the chart and shrink its text on narrow screens.
 * The last line takes whatever is left; a single long word is never broken.
 * @example wrapLabel('Children looked after by the authority', 120, 13) → ['Children looked', 'after by the authority']
 */
export function wrapLabel(label: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const words = label.split(/\s+/).filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidth(candidate, fontSize) > maxWidth && lines.length < maxLines - 1) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/**
 * An SVG `<text>` of pre-wrapped lines, vertically centred on `cy` (line height 1.1 em), escaped.
 * `attributes` is extra already-safe attribute text such as ` font-weight="700"`.
 */
export function wrappedText(
  lines: readonly string[],
  x: number,
  cy: number,
  fontSize: number,
  attributes = '',
): string {
  const lineHeight = fontSize * 1.1;
  const firstY = round1(cy + fontSize * 0.32 - ((lines.length - 1) * lineHeight) / 2);
  const spans = lines
    .map(
      (l, i) =>
        `<tspan x="${round1(x)}"${i === 0 ? '' : ` dy="${round1(lineHeight)}"`}>${escapeXml(l)}</tspan>`,
    )
    .join('');
  return `<text x="${round1(x)}" y="${firstY}"${attributes}>${spans}</text>`;
}
