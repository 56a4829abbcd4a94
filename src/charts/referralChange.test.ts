import { describe, expect, it } from 'vitest';
import { referralChange } from './referralChange.ts';

const options = {
  id: 'rc',
  title: 'Referrals',
  unit: 'Per 10,000',
  beforeLabel: 'Before',
  afterLabel: 'After',
};

describe('referralChange', () => {
  it('sorts rows by change, largest fall first, with missing values last', () => {
    const { table } = referralChange(
      [
        { label: 'Up', before: 100, after: 130 },
        { label: 'Gap', before: 90, after: null },
        { label: 'Down', before: 200, after: 150 },
      ],
      options,
    );
    expect(table.rows.map((r) => r[0])).toEqual(['Down', 'Up', 'Gap']);
    expect(table.rows[0]?.[3]).toBe('\u221250.0');
    expect(table.rows[2]).toEqual(['Gap', '90.0', 'no data', 'not available']);
  });

  it('shows a missing value as a note, never as zero', () => {
    const { svg } = referralChange(
      [
        { label: 'Gap', before: 90, after: null },
        { label: 'Full', before: 80, after: 85 },
      ],
      options,
    );
    expect(svg).toContain('90.0; no After data');
    expect(svg).not.toMatch(/>0\.0</);
    const desc = svg.match(/<desc id="rc-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain('Missing values, shown as gaps not zero: Gap.');
  });

  it('names the largest fall and rise and the reference in the description', () => {
    const { svg } = referralChange(
      [
        { label: 'Up', before: 100, after: 130 },
        { label: 'Down', before: 200, after: 150 },
      ],
      { ...options, reference: { label: 'England', before: 150, after: 140 } },
    );
    const desc = svg.match(/<desc id="rc-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain('1 fell and 1 rose.');
    expect(desc).toContain('Largest fall: Down (200.0 to 150.0, \u221250.0)');
    expect(desc).toContain('Largest rise: Up (100.0 to 130.0, +30.0)');
    expect(desc).toContain('England: 150.0 to 140.0 (\u221210.0)');
    expect(svg).toContain('stroke-dasharray="4 3"');
  });

  it('escapes labels containing <&"', () => {
    const { svg } = referralChange([{ label: '<x> & "y"', before: 1, after: 2 }], options);
    expect(svg).toContain('&lt;x&gt; &amp; &quot;y&quot;');
    expect(svg).not.toContain('<x>');
  });
});
