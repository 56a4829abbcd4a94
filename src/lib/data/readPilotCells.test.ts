import { describe, expect, it, vi } from 'vitest';
import { splitAtLine } from './parseCsv.ts';
import { loadPilotCellsWorker, readPilotCells } from './readPilotCells.ts';
import type { PilotCellsWorker } from './readPilotCells.ts';
import type { OutcomeKind } from './schemas.ts';

// Pupils that make pupils / 12 a repeating binary fraction, so that pupil-years summed in another
// order would differ in the last bits; rows ordered by month, so every school spans the cut.
const schools = Array.from({ length: 30 }, (_, s) => ({
  school_id: `P${s}`,
  la_code: s % 2 === 0 ? 'E09000022' : 'E08000025',
  group: s % 3 === 0 ? ('swis' as const) : ('comparison' as const),
  pupils: 101 + s * 7,
}));
const pilot = {
  sites: ['E09000022', 'E08000025'].map((la_code) => ({
    la_code,
    baseline_start: '2021-01',
    start_month: '2021-07',
    end_month: '2021-12',
  })),
  schools,
};
const kinds = new Map<string, OutcomeKind>([
  ['s47', 'count'],
  ['cin', 'count'],
]);
const months = Array.from({ length: 12 }, (_, m) => `2021-${String(m + 1).padStart(2, '0')}`);
const csv = (extra: string[] = []): string =>
  [
    'school_id,month,outcome,count',
    ...months.flatMap((month, m) =>
      schools.flatMap((s, i) => ['s47', 'cin'].map((o) => `${s.school_id},${month},${o},${(i * 7 + m) % 5}`)),
    ),
    ...extra,
  ].join('\n') + '\n';

const read = (text: string, parallel: boolean, loaded: PilotCellsWorker | null = null) => {
  const { rows, clean, built } = readPilotCells(
    'data/pilot/outcomes.csv',
    text,
    pilot,
    kinds,
    parallel,
    loaded,
  );
  return {
    rows,
    clean,
    verified: built.verified,
    measured: [...built.measured],
    cells: built.cells.map((c) => [c.school.schoolId, c.period, c.outcome, c.count, c.years]),
  };
};

describe('readPilotCells', () => {
  it('on two threads gives the cells of one reader, in the same order and to the last bit', () => {
    const text = csv();
    const one = read(text, false);
    expect(one).toMatchObject({ rows: 720, clean: true, verified: true, measured: ['s47', 'cin'] });
    const two = read(text, true);
    expect(two).toEqual(one);
    for (const [i, cell] of two.cells.entries()) expect(Object.is(cell[4], one.cells[i]![4])).toBe(true);
  });

  it('finds a school, month and outcome read by one thread and again by the other', () => {
    const text = csv(['P0,2021-01,s47,1']);
    expect(read(text, false).verified).toBe(false);
    expect(read(text, true)).toMatchObject({ rows: 721, clean: true, verified: false });
  });

  it('finds a problem in the worker’s part', () => {
    const text = csv(['P0,2021-13,s47,1']);
    expect(read(text, false).clean).toBe(false);
    expect(read(text, true).clean).toBe(false);
  });

  it('gives the worker loaded before the read its tail, with the cells of one reader', () => {
    const text = csv();
    const loaded = loadPilotCellsWorker(text, true);
    expect(loaded).not.toBeNull();
    expect(read(text, false, loaded)).toEqual(read(text, false));
  });

  it('stops a loaded worker unused when the file cannot be cut, and reads it here', () => {
    const text = csv().replace('P0,', '"P0",');
    const loaded = { start: vi.fn(), stop: vi.fn() };
    expect(read(text, false, loaded)).toEqual(read(text, false));
    expect(loaded.stop).toHaveBeenCalledOnce();
    expect(loaded.start).not.toHaveBeenCalled();
  });

  it('loads no worker for a small file, or none, unless asked to', () => {
    expect(loadPilotCellsWorker(csv())).toBeNull();
    expect(loadPilotCellsWorker(undefined, true)).toBeNull();
  });
});

describe('splitAtLine', () => {
  it('cuts after the first line break past the share, the header apart', () => {
    expect(splitAtLine('a,b\n1,2\n3,4\n5,6\n', 0.5)).toEqual({
      head: 'a,b\n1,2\n3,4',
      header: 'a,b',
      tail: '5,6\n',
    });
  });

  it('moves the cut past blank lines, which only data after them makes a problem', () => {
    expect(splitAtLine('a,b\n1,2\n3,4\n,\n\n5,6\n', 0.65)).toEqual({
      head: 'a,b\n1,2\n3,4\n,\n\n5,6',
      header: 'a,b',
      tail: '',
    });
  });

  it('leaves whole a file with quotes, CRs or a byte order mark past its start', () => {
    expect(splitAtLine('a,b\n"1",2\n3,4\n')).toBeNull();
    expect(splitAtLine('a,b\r\n1,2\r\n3,4\r\n')).toBeNull();
    expect(splitAtLine('a,b\n1,2\n\uFEFF3,4\n')).toBeNull();
  });
});
