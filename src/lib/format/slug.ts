/**
 * A name as slug() spells it, but '' where nothing usable is left rather than an error: lower
 * case, accents dropped, every run of characters other than letters and digits one hyphen, no
 * hyphen at either end. For matching what a reader types against names ("st helens" finds
 * "St. Helens"), where an empty query matches everything.
 * Example: slugText('Hull, City') → 'hull-city'; slugText(' – ') → ''.
 */
export function slugText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * URL slug for an authority (or any title): lower case, accents dropped, every run of characters
 * other than letters and digits becomes one hyphen, no hyphen at either end.
 * Example: slug('Kingston upon Hull, City of') → 'kingston-upon-hull-city-of'.
 * Throws RangeError when nothing usable is left, because an empty slug would collide.
 */
export function slug(name: string): string {
  const s = slugText(name);
  if (s === '') throw new RangeError(`slug: name has no letters or digits: ${JSON.stringify(name)}`);
  return s;
}
