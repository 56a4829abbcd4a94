/**
 * Escapes text for use in SVG/XML text content and attribute values.
 * Every string that reaches an emitted SVG goes through this, because labels come from CSV files.
 * @example escapeXml('A & B <"x">') === 'A &amp; B &lt;&quot;x&quot;&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
