import { describe, expect, it } from 'vitest';
import { normalUpperTail } from './normalUpperTail.ts';

// R: format(pnorm(z, lower.tail = FALSE), digits = 17)
const reference: [number, number][] = [
  [0.1, 0.46017216272297101],
  [1.96, 0.024997895148220428],
  [2.99, 0.0013948872354922499],
  [3, 0.0013498980316300946],
  [8, 6.220960574271785e-16],
  [12, 1.776482112077679e-33],
  [30, 4.9067139271481872e-198],
];

describe('normalUpperTail', () => {
  it.each(reference)('matches R at z = %d, keeping relative accuracy in the tail', (z, q) => {
    expect(Math.abs(normalUpperTail(z) - q) / q).toBeLessThan(1e-12);
  });
});
