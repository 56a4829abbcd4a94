import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes a small but complete, valid data folder cut from a full one: every top-level file, the
 * trial in its first `trialAuthorities` authorities, the pilot in its first site, and the official
 * statistics of those authorities and England. Small so that each fuzz case runs in well under a
 * second, complete so that every loader and every model is exercised.
 */
export function writeSmallDataset(from: string, to: string, trialAuthorities = 3): void {
  const read = (rel: string) =>
    readFileSync(join(from, rel), 'utf8').replace(/\r\n/g, '\n').trimEnd().split('\n');
  const write = (rel: string, lines: string[]) => {
    mkdirSync(dirname(join(to, rel)), { recursive: true });
    writeFileSync(join(to, rel), lines.join('\n') + '\n');
  };
  // Keep rows whose value in `column` is in `keep` (these files have no quoted commas in the kept
  // columns, which come before any free text).
  const filter = (lines: string[], column: string, keep: Set<string>) => {
    const i = lines[0]!.split(',').indexOf(column);
    return [lines[0]!, ...lines.slice(1).filter((l) => keep.has(l.split(',')[i]!))];
  };
  for (const rel of [
    'dataset.csv',
    'authorities.csv',
    'outcomes.csv',
    'published/estimates.csv',
    'trial/periods.csv',
  ])
    write(rel, read(rel));

  const trialSchools = read('trial/schools.csv');
  const trialLas = new Set(
    [...new Set(trialSchools.slice(1).map((l) => l.split(',')[1]!))].sort().slice(0, trialAuthorities),
  );
  const schools = filter(trialSchools, 'la_code', trialLas);
  write('trial/schools.csv', schools);
  write(
    'trial/outcomes.csv',
    filter(read('trial/outcomes.csv'), 'school_id', new Set(schools.slice(1).map((l) => l.split(',')[0]!))),
  );

  const sites = read('pilot/sites.csv');
  const pilotLa = new Set([sites[1]!.split(',')[0]!]);
  write('pilot/sites.csv', filter(sites, 'la_code', pilotLa));
  const pilotSchools = filter(read('pilot/schools.csv'), 'la_code', pilotLa);
  write('pilot/schools.csv', pilotSchools);
  write(
    'pilot/outcomes.csv',
    filter(
      read('pilot/outcomes.csv'),
      'school_id',
      new Set(pilotSchools.slice(1).map((l) => l.split(',')[0]!)),
    ),
  );

  write(
    'context/la-statistics.csv',
    filter(read('context/la-statistics.csv'), 'la_code', new Set([...trialLas, ...pilotLa, 'E92000001'])),
  );
}
