/**
 * MDX components look up keys that a researcher typed. When a lookup fails, the error should
 * name the MDX file as well as the component and key; the page that renders an MDX entry puts
 * the entry's file in `Astro.locals.contentFile`, and components run their lookups through here.
 */
export function inContentFile<T>(file: string | undefined, lookup: () => T): T {
  try {
    return lookup();
  } catch (e) {
    if (file && e instanceof Error) throw new Error(`${file}: ${e.message}`, { cause: e });
    throw e;
  }
}
