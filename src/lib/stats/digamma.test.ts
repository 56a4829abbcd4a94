import { describe, expect, it } from 'vitest';
import { digamma } from './digamma.ts';
import { trigamma } from './trigamma.ts';

// Values from R 4.x: format(digamma(x), digits = 17), format(trigamma(x), digits = 17)
const reference: [number, number, number][] = [
  [0.01, -100.56088545786866, 10001.621213528313],
  [0.5, -1.9635100260214231, 4.934802200544679],
  [1, -0.57721566490153231, 1.6449340668482264],
  [3.3, 1.034822489059622, 0.35350154184106186],
  [123.4, 4.8113737751162775, 0.0081366516108652628],
  [1e6, 13.81551005796419, 1.0000005000001672e-6],
];

describe('digamma and trigamma', () => {
  it.each(reference)('match R at x = %d', (x, psi, psi1) => {
    expect(Math.abs(digamma(x) - psi) / Math.abs(psi)).toBeLessThan(1e-13);
    expect(Math.abs(trigamma(x) - psi1) / psi1).toBeLessThan(1e-13);
  });
  it('throw a RangeError naming the function for x ≤ 0', () => {
    expect(() => digamma(0)).toThrow(/digamma: x/);
    expect(() => trigamma(-1)).toThrow(/trigamma: x/);
  });
});
