// Minimal type declaration for the parts of jstat this project uses (jstat ships no types).
declare module 'jstat' {
  interface Distribution1 {
    pdf(x: number, a: number): number;
    cdf(x: number, a: number): number;
    inv(p: number, a: number): number;
  }
  interface Distribution2 {
    pdf(x: number, a: number, b: number): number;
    cdf(x: number, a: number, b: number): number;
    inv(p: number, a: number, b: number): number;
  }
  export const jStat: {
    normal: Distribution2;
    gamma: Distribution2;
    chisquare: Distribution1;
    studentt: Distribution1;
    beta: Distribution2;
    poisson: { pdf(k: number, l: number): number; cdf(k: number, l: number): number };
    gammaln(x: number): number;
    gammafn(x: number): number;
    gammap(a: number, x: number): number;
    ibeta(x: number, a: number, b: number): number;
    digamma?: (x: number) => number;
  };
  const _default: { jStat: typeof jStat };
  export default _default;
}
