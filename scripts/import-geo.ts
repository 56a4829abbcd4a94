/**
 * Derives the project's small map of England from the ONS boundary file.
 *
 *   npm run import-geo -- [--geo ../shared/data/real/geo/<file>.geo.json]
 *                         [--authorities data/authorities.csv] [--out data/geo/england-authorities.json]
 *
 * Writes the derived TopoJSON whole (scripts/lib/writeWhole.ts), prints its size and the
 * authority codes of data/authorities.csv that have no outline (and outlines with no row).
 * The original boundary file is not committed; see data/README.md for the source and licence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { compareCodes, englandTopology } from '../src/lib/geo/englandTopology.ts';
import { writeWhole } from './lib/writeWhole.ts';

const GEO_DIR = '../shared/data/real/geo';

/** The command's options, by Node's own parser (unknown or valueless options are errors). */
function options(argv: string[]): { geo: string; authorities: string; out: string } {
  const found = existsSync(GEO_DIR)
    ? readdirSync(GEO_DIR).find((f) => f.startsWith('Counties_and_Unitary_Authorities_December_2023'))
    : undefined;
  return parseArgs({
    args: argv,
    options: {
      geo: {
        type: 'string',
        default: found
          ? join(GEO_DIR, found)
          : join(GEO_DIR, '(Counties_and_Unitary_Authorities_December_2023…).geo.json'),
      },
      authorities: { type: 'string', default: 'data/authorities.csv' },
      out: { type: 'string', default: 'data/geo/england-authorities.json' },
    },
  }).values;
}

function main(): void {
  const started = Date.now();
  const opts = options(process.argv.slice(2));
  if (!existsSync(opts.geo))
    throw new Error(
      `${opts.geo}: expected the ONS boundary GeoJSON here, found nothing. Pass --geo <file> (see data/README.md, "Map").`,
    );
  const topo = englandTopology(JSON.parse(readFileSync(opts.geo, 'utf8')), opts.geo);
  const rows = Papa.parse<{ la_code: string }>(
    readFileSync(opts.authorities, 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
  const { withoutGeometry, withoutData } = compareCodes(
    topo,
    rows.map((r) => r.la_code),
  );
  const text = JSON.stringify(topo) + '\n';
  writeWhole(opts.out, text);
  console.log(
    `${opts.out}: ${topo.objects.authorities.geometries.length} authorities + ${topo.objects.former.geometries.length} former, ${Buffer.byteLength(text)} bytes, ${Date.now() - started} ms`,
  );
  console.log(`${opts.authorities} codes with no outline: ${withoutGeometry.join(', ') || 'none'}`);
  console.log(`outlines with no row in ${opts.authorities}: ${withoutData.join(', ') || 'none'}`);
}

try {
  main();
} catch (err) {
  console.error(`import-geo: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
