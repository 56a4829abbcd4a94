import { describe, expect, it } from 'vitest';
import { trendLines } from './trendLines.ts';
import type { TrendLinesData } from './trendLines.ts';

const data: TrendLinesData = {
  authority: {
    label: 'Town',
    values: [
      { year: 2018, value: 10 },
      { year: 2019, value: 12 },
      { year: 2020, value: null },
      { year: 2021, value: 8 },
      { year: 2022, value: 9 },
    ],
  },
  england: { label: 'England', values: [2018, 2019, 2020, 2021, 2022].map((year) => ({ year, value: 11 })) },
};
const options = { id: 'tl', title: 'Trend', unit: 'Rate' };

describe('trendLines', () => {
  it('breaks the line at a null in the middle into two path segments', () => {
    const { svg } = trendLines(data, options);
    const authorityPath = svg.match(/<path class="mark" d="([^"]+)" fill="none" stroke="#0072B2"/)?.[1] ?? '';
    expect(authorityPath.match(/M/g)?.length).toBe(2);
    const englandPath =
      svg.match(/<path class="mark" d="([^"]+)" fill="none" stroke="currentColor"/)?.[1] ?? '';
    expect(englandPath.match(/M/g)?.length).toBe(1);
  });

  it('marks a missing value and names it in the description and the table', () => {
    const { svg, table } = trendLines(data, options);
    expect(svg).toContain('<title>Town 2020: no data</title>');
    const desc = svg.match(/<desc id="tl-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain('No data (shown as a gap, not zero): Town 2020.');
    expect(table.rows[2]).toEqual(['2020', 'no data', '11.0']);
  });

  it('describes direction and the highest and lowest years from the data', () => {
    const { svg } = trendLines(data, { ...options, programmeYears: [2020, 2022] });
    const desc = svg.match(/<desc id="tl-desc">(.*?)<\/desc>/)?.[1] ?? '';
    expect(desc).toContain('Town fell from 10.0 in 2018 to 9.0 in 2022');
    expect(desc).toContain('England was unchanged');
    expect(desc).toContain('Town was highest in 2019 (12.0) and lowest in 2021 (8.0).');
    expect(desc).toContain('Programme years 2020 to 2022 are shaded.');
    expect(svg).toContain('fill="url(#tl-hatch)"');
  });

  it('escapes labels containing <&"', () => {
    const { svg } = trendLines({ ...data, authority: { ...data.authority, label: 'A<&">' } }, options);
    expect(svg).toContain('A&lt;&amp;&quot;&gt;');
    expect(svg).not.toContain('A<&');
  });
});
