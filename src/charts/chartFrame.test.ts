import { describe, expect, it } from 'vitest';
import { chartFrame, minTextPx, readableWidth } from './chartFrame.ts';
import { chartExamples } from './chartExamples.ts';

const frame = (body: string) => chartFrame({ id: 'c', width: 600, height: 200, title: 'T', desc: 'D', body });

describe('chartFrame', () => {
  it('carries no style attribute or <style> element, so style-src self does not block it', () => {
    const svg = frame('<text font-size="12">a</text>');
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toContain('<style');
    expect(svg).toMatch(/^<svg [^>]*class="chart"/);
    expect(svg).toContain('viewBox="0 0 600 200" width="600" height="200"');
  });

  it('sets the readable width from the smallest font size the builder wrote', () => {
    // Root text is 13: 600 × 11 / 13 = 507.7, rounded up.
    expect(frame('<text>a</text>')).toContain('data-min-width="508"');
    // 10-unit text needs 660 px to render at 11 px, more than the natural width: capped at 600.
    expect(frame('<g font-size="12"><text font-size="10">a</text></g>')).toContain('data-min-width="600"');
    expect(readableWidth(600, '<text font-size="12">a</text>')).toBe(550);
    expect(readableWidth(600, '<text font-size="12">a</text>') * (12 / 600)).toBeGreaterThanOrEqual(
      minTextPx,
    );
  });

  it('gives every named example no inline style and a readable width no wider than its natural width', () => {
    for (const [name, example] of Object.entries(chartExamples)) {
      const { svg } = example();
      expect(svg, name).not.toMatch(/\sstyle=|<style/);
      const natural = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1]);
      const min = Number(/\sdata-min-width="(\d+)"/.exec(svg)?.[1]);
      expect(min, name).toBeGreaterThan(0);
      expect(min, name).toBeLessThanOrEqual(Math.ceil(natural));
    }
  });
});
