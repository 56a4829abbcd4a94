/**
 * Where Astro keeps the content store of a build (its `cacheDir`, under node_modules/): one folder
 * per project root and content folder. Astro keeps the store between builds and trusts an
 * unchanged file's entry, path and all, so a build from another content folder (CONTENT_DIR: a
 * second study, a scratch copy) would render entries from the last folder's paths, and two builds
 * at once (the tests' scratch projects, a dev server) would share one store file.
 */
import { createHash } from 'node:crypto';

/** The store's folder under node_modules/ for a build in `projectRoot` of `contentFolder` (absolute paths). */
export function contentStore(projectRoot: string, contentFolder: string): string {
  const key = createHash('sha256').update(`${projectRoot}\0${contentFolder}`).digest('hex').slice(0, 16);
  return `.astro-content/${key}`;
}
