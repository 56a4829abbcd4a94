/**
 * The downloadable image of every figure rendered in this build, keyed by its path in the site
 * (the page's folder and the file name, without the base path), for the build to write as files
 * next to the page (src/integrations/figureImages.ts) once every page is rendered. The pages and
 * the integration run in one process but load this module separately, so the map lives on
 * globalThis under a registered symbol; a page rendered twice writes the same image twice.
 */
const KEY = Symbol.for('swis-findings.figureImages');

type Holder = { [KEY]?: Map<string, string> };

/** The build's figure images: site path (e.g. `findings/trial/trial-forest.svg`) to SVG text. */
export function figureImages(): Map<string, string> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Map());
}
