import { describe, expect, it } from 'vitest';
import { consortFlow } from './consortFlow.ts';

const arms = [
  { label: 'SWIS', allocated: 10, withdrawn: 1, lost: 2, analysed: 7 },
  { label: 'Control', allocated: 9, withdrawn: 0, lost: 0, analysed: 9 },
];

describe('consortFlow', () => {
  it('shows every stage as text in boxes, with dashed boxes for schools that left', () => {
    const { svg } = consortFlow({ randomised: 19, unit: 'schools', arms }, { id: 'cf', title: 'Flow' });
    for (const t of [
      'Randomised: 19 schools',
      'SWIS: 10 schools',
      'Withdrawn: 1',
      'Lost to follow-up: 2',
      'Analysed: 7 schools',
      'Analysed: 9 schools',
    ])
      expect(svg).toContain(t);
    expect(svg.match(/stroke-dasharray="5 3"/g)?.length).toBe(2);
    expect(svg.match(/marker-end="url\(#cf-arrow\)"/g)?.length).toBe(6);
  });

  it('has a table with a total column and a description with the totals', () => {
    const { svg, table } = consortFlow(
      { randomised: 19, unit: 'schools', clusters: '2 areas', arms },
      { id: 'cf', title: 'Flow' },
    );
    expect(table.columns.map((c) => c.label)).toEqual(['Stage', 'SWIS', 'Control', 'Total']);
    expect(table.rows).toEqual([
      ['Allocated', '10', '9', '19'],
      ['Withdrawn', '1', '0', '1'],
      ['Lost to follow-up', '2', '0', '2'],
      ['Analysed', '7', '9', '16'],
    ]);
    expect(svg).toContain('19 schools were randomised in 2 areas: 10 to swis and 9 to control.');
    expect(svg).toContain('In all, 16 schools were analysed and 3 left the trial.');
  });

  it('refuses counts that do not add up', () => {
    expect(() =>
      consortFlow(
        { randomised: 19, unit: 'schools', arms: [{ ...arms[0]!, analysed: 8 }, arms[1]!] },
        { id: 'cf', title: 'F' },
      ),
    ).toThrow(/withdrawn \(1\) \+ lost \(2\) \+ analysed \(8\) ≠ allocated \(10\)/);
    expect(() => consortFlow({ randomised: 20, unit: 'schools', arms }, { id: 'cf', title: 'F' })).toThrow(
      /sum to 19 but 20/,
    );
  });
});
