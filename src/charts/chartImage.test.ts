import { describe, expect, it } from 'vitest';
import { chartExamples } from './chartExamples.ts';
import { chartImage } from './chartImage.ts';

const licence = { name: 'Open Government Licence v3.0', url: 'https://example.org/ogl' };

describe('chartImage', () => {
  it('puts the title above the chart and the source and licence below it, in one SVG', () => {
    const chart = chartExamples['trend-lines-authority']!();
    const svg = chartImage(chart, {
      title: 'Referrals & more',
      source: 'DfE <CIN>',
      licence,
      from: 'https://x.org/a/',
    });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="752" /);
    expect(svg).toContain('>Referrals &amp; more</text>');
    expect(svg).toContain('>Source: DfE &lt;CIN&gt;</text>');
    expect(svg).toContain('Licence: Open Government Licence v3.0 (https://example.org/ogl)');
    expect(svg).toContain('From: https://x.org/a/');
    expect(svg).toContain(`<svg x="16" y="`);
    expect(svg.indexOf('Referrals &amp; more')).toBeLessThan(svg.indexOf('<svg x="16"'));
    expect(svg.indexOf('<svg x="16"')).toBeLessThan(svg.indexOf('Source: DfE'));
  });

  it('carries no <style> (a Content-Security-Policy would block it) and strokes every axis and rule', () => {
    for (const [name, example] of Object.entries(chartExamples)) {
      const svg = chartImage(example(), { title: 'T', source: 'S', licence });
      expect(svg, name).not.toContain('<style');
      const lines = [...svg.matchAll(/<(?:line|path|rect)\b[^>]*\bclass="(?:axis|rule)"[^>]*>/g)].map(
        (m) => m[0],
      );
      for (const l of lines) expect(l, name).toMatch(/\sstroke="/);
      // No element gains a second stroke attribute.
      for (const l of lines) expect(l.match(/\sstroke="/g)?.length, name).toBe(1);
    }
  });
});
