import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KNOWN_FILES, loadDataset } from './loadDataset.ts';
import type { PilotCellsWorker } from './readPilotCells.ts';

// The worker loadDataset loads for pilot/outcomes.csv, replaced by one that records what it is
// told: a worker neither started nor stopped would keep the process alive after the command.
const loaded = { start: vi.fn(), stop: vi.fn() };
vi.mock('./readPilotCells.ts', async (original) => ({
  ...(await original<typeof import('./readPilotCells.ts')>()),
  loadPilotCellsWorker: (): PilotCellsWorker => loaded,
}));

/** The demonstration data folder's files, with `changes` (path → text) made. */
const demoFiles = (changes: Record<string, string> = {}): Map<string, string> => {
  const root = join(import.meta.dirname, '..', '..', '..', 'data');
  const files = new Map<string, string>();
  for (const f of KNOWN_FILES)
    if (existsSync(join(root, f))) files.set(f, changes[f] ?? readFileSync(join(root, f), 'utf8'));
  return files;
};

describe('loadDataset and the worker loaded for pilot/outcomes.csv', () => {
  beforeEach(() => {
    loaded.start.mockReset().mockReturnValue({ answer: () => undefined }); // as one that did not load
    loaded.stop.mockReset();
  });

  it('gives it the file’s tail, and stops it', () => {
    const result = loadDataset(demoFiles());
    expect(result.ok).toBe(true);
    expect(loaded.start).toHaveBeenCalledOnce();
    expect(loaded.stop).toHaveBeenCalled();
  });

  it('stops it unused when the files pilot/outcomes.csv refers to have problems', () => {
    const sites = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'data', 'pilot', 'sites.csv'),
      'utf8',
    );
    const result = loadDataset(demoFiles({ 'pilot/sites.csv': sites.replace(/\n[^,\n]*,/, '\nXX,') }));
    expect(result.ok).toBe(false);
    expect(loaded.start).not.toHaveBeenCalled();
    expect(loaded.stop).toHaveBeenCalled();
  });
});
