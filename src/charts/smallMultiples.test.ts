import { describe, expect, it } from 'vitest';
import { chartExamples } from './chartExamples.ts';
import { smallMultiples } from './smallMultiples.ts';

const data = {
  panels: [
    {
      label: 'High',
      values: [
        { year: 2020, value: 100 },
        { year: 2021, value: null },
        { year: 2022, value: 120 },
      ],
    },
    {
      label: 'Low',
      values: [
        { year: 2020, value: 10 },
        { year: 2021, value: 20 },
        { year: 2022, value: 5 },
      ],
    },
  ],
  reference: {
    label: 'England',
    values: [
      { year: 2020, value: 50 },
      { year: 2021, value: 50 },
      { year: 2022, value: 50 },
    ],
  },
};
const options = { id: 'sm', title: 'Panels', unit: 'Rate' };
const paths = (svg: string) =>
  [...svg.matchAll(/<path class="mark" d="([^"]+)" fill="none" stroke="#0072B2"/g)].map((m) => m[1] ?? '');

describe('smallMultiples', () => {
  it('puts every panel on one zero-based y scale, so the same value sits at the same height', () => {
    const { svg } = smallMultiples(
      {
        panels: [
          {
            label: 'A',
            values: [
              { year: 2020, value: 50 },
              { year: 2021, value: 60 },
            ],
          },
          {
            label: 'B',
            values: [
              { year: 2020, value: 50 },
              { year: 2021, value: 5 },
            ],
          },
        ],
      },
      options,
    );
    const [a, b] = paths(svg);
    expect(a?.match(/^M0,([\d.]+)/)?.[1]).toBe(b?.match(/^M0,([\d.]+)/)?.[1]);
    // Each panel draws the zero line as its baseline.
    expect(svg).toMatch(/<line class="axis" x1="0" x2="[\d.]+" y1="64" y2="64" stroke-opacity="1"\/>/);
  });

  it('breaks a line at a missing year and marks it, never drawing zero', () => {
    const { svg, table } = smallMultiples(data, options);
    expect(paths(svg)[0]?.match(/M/g)?.length).toBe(2);
    expect(svg).toContain('<title>High 2021: no data</title>');
    expect(table.rows[0]).toEqual(['High', '100', 'no data', '120']);
  });

  it('writes the description from the data', () => {
    const { svg } = smallMultiples(data, { ...options, programmeYears: [2021, 2022] });
    const desc = svg.match(/<desc id="sm-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain(
      '2 small line charts of rate, 2020 to 2022, on the same scale, each with England as a dashed line.',
    );
    expect(desc).toContain('Highest: High in 2022 (120.0). Lowest: Low in 2022 (5.0).');
    expect(desc).toContain('From first to last year, 1 rose and 1 fell.');
    expect(desc).toContain('No data (a gap, not zero): High 2021.');
  });

  it('lays out four panels to a row in the column and two on a phone, long names on two lines', () => {
    const chart = chartExamples['small-multiples-authorities']!();
    const rows = (svg: string) =>
      new Set([...svg.matchAll(/<g transform="translate\([\d.]+ ([\d.]+)\)">/g)].map((m) => m[1])).size;
    expect(chart.svg.match(/<g transform="translate\(/g)?.length).toBe(4);
    expect(rows(chart.svg)).toBe(1);
    expect(rows(chart.narrow?.svg ?? '')).toBe(2);
    expect(chart.narrow?.width).toBe(300);
    expect(chart.narrow?.svg).toContain('>Kingston upon</tspan><tspan x="0" dy="13.2">Hull, City of<');
  });

  it('names the reference on its line once, in the first panel, instead of in a legend', () => {
    const { svg } = chartExamples['small-multiples-authorities']!();
    expect(svg.match(/font-style="italic">England<\/text>/g)?.length).toBe(1);
    // The legend keys only what no label names: the shaded years and the × of a missing value.
    expect(svg).toContain('>Programme years<');
    expect(svg).toContain('>No data (a gap in the line)<');
  });

  it('refuses no panels and non-finite values', () => {
    expect(() => smallMultiples({ panels: [] }, options)).toThrow(RangeError);
    expect(() =>
      smallMultiples({ panels: [{ label: 'X', values: [{ year: 1, value: NaN }] }] }, options),
    ).toThrow(/non-finite/);
  });
});
