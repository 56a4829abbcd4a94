import { describe, expect, it } from 'vitest';
import { RelativePath } from './relativePath.ts';

describe('RelativePath', () => {
  it('writes the first point absolute and the rest as relative steps, shortening leading zeros', () => {
    const p = new RelativePath();
    p.moveTo(10.04, 20);
    p.lineTo(10.54, 19.5);
    p.lineTo(13, 21);
    p.closePath();
    expect(p.result()).toBe('M10,20l.5-.5l2.5,1.5z');
    expect(p.result()).toBe('');
  });

  it('does not accumulate rounding error over many steps', () => {
    const p = new RelativePath();
    p.moveTo(0, 0);
    for (let i = 1; i <= 1000; i++) p.lineTo(i * 0.333, 0);
    const steps = (p.result().match(/l(-?[\d.]+)/g) ?? []).map((s) => Number(s.slice(1)));
    expect(steps.reduce((a, b) => a + b, 0)).toBeCloseTo(333, 6);
  });
});
