import { describe, expect, it } from 'vitest';
import { chartFrame, minTextPx, readableWidth } from './chartFrame.ts';
import { chartExamples } from './chartExamples.ts';
import { chartResultSchema } from './chartTypes.ts';

const table = { caption: 'C', columns: [{ label: 'A', numeric: false }], rows: [] };
const frame = (body: string) =>
  chartFrame({ id: 'c', width: 600, height: 200, title: 'T', desc: 'D', body, table });

describe('chartFrame', () => {
  it('carries no style attribute or <style> element, so style-src self does not block it', () => {
    const { svg } = frame('<text font-size="12">a</text>');
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toContain('<style');
    expect(svg).toMatch(/^<svg [^>]*class="chart"/);
    expect(svg).toContain('viewBox="0 0 600 200" width="600" height="200"');
  });

  it('sets the readable width from the smallest font size the builder wrote', () => {
    // Root text is 13: 600 × 11 / 13 = 507.7, rounded up.
    expect(frame('<text>a</text>').minWidth).toBe(508);
    // 10-unit text needs 660 px to render at 11 px, more than the natural width: capped at 600.
    expect(frame('<g font-size="12"><text font-size="10">a</text></g>').minWidth).toBe(600);
    expect(readableWidth(600, '<text font-size="12">a</text>')).toBe(550);
    expect(readableWidth(600, '<text font-size="12">a</text>') * (12 / 600)).toBeGreaterThanOrEqual(
      minTextPx,
    );
  });

  it('gives every named example no inline style and a readable width no wider than its natural width', () => {
    for (const [name, example] of Object.entries(chartExamples)) {
      const chart = chartResultSchema.parse(example());
      expect(chart.svg, name).not.toMatch(/\sstyle=|<style/);
      expect(chart.svg, name).toContain(`id="${chart.id}"`);
      expect(chart.minWidth, name).toBeGreaterThan(0);
      expect(chart.minWidth, name).toBeLessThanOrEqual(Math.ceil(chart.width));
    }
  });
});
