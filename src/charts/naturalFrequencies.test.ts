import { describe, expect, it } from 'vitest';
import { chartExamples } from './chartExamples.ts';
import { naturalFrequencies } from './naturalFrequencies.ts';

const options = {
  id: 'nf',
  title: 'School',
  event: 'enquiry',
  events: 'enquiries',
  programme: 'the programme',
};

describe('naturalFrequencies', () => {
  it('draws one square per expected event and a part-square for the fraction', () => {
    const { svg } = naturalFrequencies(
      { pupils: 500, without: 3.5, estimate: 3.5, low: 3, high: 4 },
      options,
    );
    const grey = [
      ...svg.matchAll(/<rect class="mark fill" x="[\d.]+" y="36" width="([\d.]+)"[^>]*fill="#555555"/g),
    ].map((m) => Number(m[1]));
    expect(grey).toEqual([16, 16, 16, 8]);
  });

  it('hatches the squares the interval allows, from the low end to the high end', () => {
    const { svg } = naturalFrequencies(
      { pupils: 500, without: 3, estimate: 3.2, low: 2.5, high: 4 },
      options,
    );
    const hatched = [
      ...svg.matchAll(
        /<rect class="mark" x="([\d.]+)" y="104" width="([\d.]+)"[^>]*fill="url\(#nf-hatch\)"/g,
      ),
    ].map((m) => [Number(m[1]), Number(m[2])]);
    // From 2.5 to 4 (squares every 20 px from x = 116): half of the third square, then the whole fourth.
    expect(hatched).toEqual([
      [166, 8],
      [176, 16],
    ]);
    expect(svg).toContain('plausible range 2.5 to 4.0');
  });

  it('keeps the range label inside the frame when the range is at the right edge', () => {
    const { svg } = naturalFrequencies(
      { pupils: 1, without: 10, estimate: 11.5, low: 10, high: 12 },
      options,
    );
    const width = Number(svg.match(/viewBox="0 0 ([\d.]+)/)?.[1]);
    const x = Number(svg.match(/<text x="([\d.]+)"[^>]*>plausible range 10.0 to 12.0</)?.[1]);
    // Half the label is about 18 characters × 12 px × 0.58 / 2.
    expect(x + 62).toBeLessThanOrEqual(width);
  });

  it('writes the numbers into the description and the table', () => {
    const { svg, table } = chartExamples['natural-frequencies-1000']!();
    expect(svg).toContain('about 9.1 Section 47 enquiries a year without SWIS');
    expect(svg).toContain(
      'With SWIS, most likely 9.6 (0.5 more), and anything from 8.7 to 10.6 is consistent with the trial (0.4 fewer to 1.5 more).',
    );
    expect(table.rows[0]).toEqual(['Without SWIS', '9.1', '–']);
    expect(table.columns[1]).toEqual({ label: 'Section 47 enquiries a year', numeric: true });
  });

  it('refuses a range that does not contain the estimate, and negative counts', () => {
    expect(() =>
      naturalFrequencies({ pupils: 1, without: 1, estimate: 2, low: 2.5, high: 3 }, options),
    ).toThrow(RangeError);
    expect(() =>
      naturalFrequencies({ pupils: 1, without: -1, estimate: 1, low: 0, high: 2 }, options),
    ).toThrow(/without/);
  });
});
