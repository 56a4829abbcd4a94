import { describe, expect, it } from 'vitest';
import { fitLinearModel } from './fitLinearModel.ts';
import { meanDifference, studentTQuantile } from './meanDifference.ts';

// Values from R 4: lm(y ~ x, data.frame(y = c(1, 2, 4, 4.5), x = c(0, 1, 2, 3))).
const input = {
  y: [1, 2, 4, 4.5],
  X: [
    [1, 0],
    [1, 1],
    [1, 2],
    [1, 3],
  ],
  columnNames: ['(Intercept)', 'x'],
};

describe('fitLinearModel', () => {
  it('gives the coefficients, standard errors and residual df of R’s lm', () => {
    const fit = fitLinearModel(input);
    if (fit.status !== 'fitted') throw new Error(fit.reason);
    expect(fit.coefficients[0]).toBeCloseTo(1, 12);
    expect(fit.coefficients[1]).toBeCloseTo(1.25, 12);
    // summary(fit)$coefficients[, "Std. Error"]
    expect(fit.standardErrors[0]).toBeCloseTo(0.362284418654736, 12);
    expect(fit.standardErrors[1]).toBeCloseTo(0.193649167310371, 12);
    expect(fit.dfResidual).toBe(2);
  });

  it('gives confint.lm’s interval and summary.lm’s p for a coefficient', () => {
    const fit = fitLinearModel(input);
    if (fit.status !== 'fitted') throw new Error(fit.reason);
    const md = meanDifference(fit, 'x');
    // confint(fit)["x", ] and summary(fit)$coefficients["x", "Pr(>|t|)"]
    expect(md.ciLow).toBeCloseTo(0.416794881658, 8);
    expect(md.ciHigh).toBeCloseTo(2.08320511834, 8);
    expect(md.pValue).toBeCloseTo(0.0231691685442956, 9);
  });

  it('refuses a singular design and names the aliased column, as the count models do', () => {
    const singular = {
      ...input,
      X: input.X.map((r) => [...r, 2 * r[1]!]),
      columnNames: [...input.columnNames, 'x2'],
    };
    expect(fitLinearModel(singular)).toEqual({
      status: 'not_estimable',
      reason: 'the design is singular: column "x2" is constant or a combination of others',
    });
  });

  it('refuses a model without residual degrees of freedom', () => {
    expect(fitLinearModel({ ...input, y: [1, 2], X: input.X.slice(0, 2) })).toEqual({
      status: 'not_estimable',
      reason: 'no residual degrees of freedom: 2 observations for 2 coefficients',
    });
  });
});

describe('studentTQuantile', () => {
  it('agrees with R’s qt to 1e-7 or better', () => {
    // qt(0.975, c(1, 2, 5, 19, 61, 1000))
    const r = [
      12.706204736174694, 4.3026527297494619, 2.5705818356363137, 2.0930240544083092, 1.9996235849949391,
      1.9623390808264076,
    ];
    [1, 2, 5, 19, 61, 1000].forEach((df, i) => {
      expect(Math.abs(studentTQuantile(0.975, df) - r[i]!) / r[i]!).toBeLessThan(1e-8);
    });
  });
});
