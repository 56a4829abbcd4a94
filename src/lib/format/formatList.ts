const LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/**
 * Items as a list in words, the British way (no comma before "and").
 * Example: ['the trial', 'the pilot', 'the map'] → "the trial, the pilot and the map"; [] → "".
 */
export function formatList(items: readonly string[]): string {
  return LIST.format(items);
}
