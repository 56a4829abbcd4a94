/**
 * Approximate rendered width of a string in system-ui, in px. There is no DOM at build time,
 * so layout reserves space with a generous average glyph width (0.58 em) rather than measuring.
 */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.58;
}
