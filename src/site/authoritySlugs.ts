import { slug } from '../lib/format/slug.ts';

/**
 * Each authority's page slug. Names are unique except where an authority was replaced by one
 * with the same name (Dorset county, E10000009, by the Dorset unitary, E06000059): the lowest
 * code keeps the plain slug and the others get their code appended, so addresses stay stable.
 * Pure, so that `npm run check` finds the same addresses the build makes.
 */
export function authoritySlugs(
  authorities: readonly { laCode: string; name: string }[],
): Map<string, string> {
  const taken = new Set<string>();
  const slugs = new Map<string, string>();
  for (const a of [...authorities].sort((x, y) => x.laCode.localeCompare(y.laCode))) {
    let s = slug(a.name);
    if (taken.has(s)) s = `${s}-${a.laCode.toLowerCase()}`;
    if (taken.has(s))
      throw new Error(
        `Two authorities share the slug "${s}"; check data/authorities.csv for duplicate codes`,
      );
    taken.add(s);
    slugs.set(a.laCode, s);
  }
  return slugs;
}
