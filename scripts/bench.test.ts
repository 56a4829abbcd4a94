import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../src/lib/data/loadDataset.ts';
import { generateNationalData } from './lib/nationalData.ts';

const dirs: string[] = [];
const tiny = (seed: number): string => {
  const dir = mkdtempSync(join(tmpdir(), 'swis-national-'));
  dirs.push(dir);
  generateNationalData(dir, { seed, pilotSchools: 40, sites: 5, months: 4, trialSchools: 30 });
  return dir;
};
const readAll = (dir: string): Map<string, string> =>
  new Map(
    (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((p) => statSync(join(dir, p)).isFile())
      .map((p) => [p.split(sep).join('/'), readFileSync(join(dir, p), 'utf8')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('generateNationalData (bench generator)', () => {
  it('writes the contract files, with the expected row counts, that load without problems', () => {
    const dir = tiny(7);
    const files = readAll(dir);
    expect([...files.keys()]).toEqual([
      'authorities.csv',
      'outcomes.csv',
      'pilot/outcomes.csv',
      'pilot/schools.csv',
      'pilot/sites.csv',
      'trial/outcomes.csv',
      'trial/periods.csv',
      'trial/schools.csv',
    ]);
    const loaded = loadDataset(files, { root: dir });
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => JSON.stringify(p)).join('\n'));
    const outcomes = loaded.data.outcomes.length;
    expect(loaded.data.pilot?.sites).toHaveLength(5);
    expect(loaded.data.pilot?.schools).toHaveLength(40);
    expect(loaded.rowCounts['pilot/outcomes.csv']).toBe(40 * 4 * outcomes);
    expect(loaded.data.pilot?.cells).toHaveLength(40 * 2 * outcomes);
    expect(loaded.data.trial?.schools).toHaveLength(30);
    const analysed = loaded.data.trial?.schools.filter((s) => s.status === 'analysed').length ?? 0;
    expect(loaded.data.trial?.outcomes).toHaveLength(analysed * 2 * outcomes);
  });

  it('puts schools of both groups in every pilot site and both arms in every trial authority with more than one school', () => {
    // Otherwise no per-authority model is estimable and the bench measures nothing of the fits.
    const dir = mkdtempSync(join(tmpdir(), 'swis-national-'));
    dirs.push(dir);
    generateNationalData(dir, { seed: 9, pilotSchools: 40, sites: 5, months: 2, trialSchools: 400 });
    const loaded = loadDataset(readAll(dir), { root: dir });
    if (!loaded.ok) throw new Error('the generated data should load');
    const byLa = (rows: readonly { la_code: string }[], value: (r: never) => string) => {
      const seen = new Map<string, string[]>();
      for (const r of rows) seen.set(r.la_code, [...(seen.get(r.la_code) ?? []), value(r as never)]);
      return [...seen.values()];
    };
    const groups = byLa(loaded.data.pilot?.schools ?? [], (r: { group: string }) => r.group);
    expect(groups.every((g) => new Set(g).size === 2)).toBe(true);
    const arms = byLa(loaded.data.trial?.schools ?? [], (r: { arm: string }) => r.arm).filter(
      (a) => a.length > 1,
    );
    expect(arms.length).toBeGreaterThan(100);
    expect(arms.every((a) => new Set(a).size === 2)).toBe(true);
  });

  it('is deterministic: the same seed gives the same bytes, another seed does not', () => {
    const a = readAll(tiny(7));
    const b = readAll(tiny(7));
    const c = readAll(tiny(8));
    expect(b).toEqual(a);
    expect(c.get('pilot/outcomes.csv')).not.toEqual(a.get('pilot/outcomes.csv'));
  });
});
