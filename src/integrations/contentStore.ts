/**
 * Where Astro keeps the content store of a build (its `cacheDir`, under node_modules/): one folder
 * per project root and content folder. Astro keeps the store between builds and trusts an
 * unchanged file's entry, path and all, so a build from another content folder (CONTENT_DIR: a
 * second study, a scratch copy) would render entries from the last folder's paths, and two builds
 * at once (the tests' scratch projects, a dev server) would share one store file.
 *
 * Nothing in Astro removes a store, so each folder carries a note of its owner, and every build
 * removes the folders whose owner is gone (see {@link claimContentStore}).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The stores' folder under node_modules/. */
const STORES = '.astro-content';

/** The note in each store folder naming the build that owns it. */
const OWNER_FILE = 'owner.json';

/** The store's folder under node_modules/ for a build in `projectRoot` of `contentFolder` (absolute paths). */
export function contentStore(projectRoot: string, contentFolder: string): string {
  const key = createHash('sha256').update(`${projectRoot}\0${contentFolder}`).digest('hex').slice(0, 16);
  return `${STORES}/${key}`;
}

/**
 * The store folder for a build in `projectRoot` of `contentFolder` (as {@link contentStore}), made
 * with its owner's note when new, after removing the stale folders beside it: one with no note
 * (made before stores were keyed by project root and noted) or whose project root or content
 * folder no longer exists (a scratch build killed before it removed its own store). A folder whose
 * owner exists is left alone, so builds running at once never lose each other's store, and a new
 * folder appears with its note already in it (made aside, then renamed). Returns the path below
 * `nodeModules`, as {@link contentStore} does.
 */
export function claimContentStore(nodeModules: string, projectRoot: string, contentFolder: string): string {
  const stores = join(nodeModules, STORES);
  mkdirSync(stores, { recursive: true });
  for (const entry of readdirSync(stores, { withFileTypes: true })) {
    // Folders being made (".new-…") are someone's store on its way in.
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const owner = readOwner(join(stores, entry.name, OWNER_FILE));
    if (owner === null || !existsSync(owner.projectRoot) || !existsSync(owner.contentFolder))
      rmSync(join(stores, entry.name), { recursive: true, force: true });
  }
  const store = contentStore(projectRoot, contentFolder);
  const folder = join(nodeModules, store);
  if (!existsSync(join(folder, OWNER_FILE))) {
    // Made whole beside the stores and renamed into place, so no build sees it without its note.
    const making = mkdtempSync(join(stores, '.new-'));
    writeFileSync(join(making, OWNER_FILE), `${JSON.stringify({ projectRoot, contentFolder })}\n`);
    try {
      renameSync(making, folder);
    } catch {
      // Another build of the same project and content made it first.
      rmSync(making, { recursive: true, force: true });
    }
  }
  return store;
}

/** What a store's owner note says; a folder without a readable one is stale. */
const ownerSchema = z.object({ projectRoot: z.string().min(1), contentFolder: z.string().min(1) });

function readOwner(file: string): z.infer<typeof ownerSchema> | null {
  try {
    return ownerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}
