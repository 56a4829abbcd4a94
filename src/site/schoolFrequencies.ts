/**
 * Natural frequencies for a school: the expected number of Section 47 enquiries a year for a
 * school of `pupils` pupils at the comparison schools' rate (per 1,000 pupil-years), and the
 * change the published rate-ratio interval allows: pupils × rate / 1000 × (ratio − 1).
 * Example: 1,000 pupils at 9.12 per 1,000 with ratios 0.955 to 1.166 → 9.1 a year, between
 * 0.41 fewer and 1.51 more. Throws RangeError for a non-positive size or rate.
 */
export function schoolFrequencies(
  pupils: number,
  ratePer1000: number,
  ratio: { estimate: number; ciLow: number; ciHigh: number },
) {
  if (!(pupils > 0)) throw new RangeError(`schoolFrequencies: pupils must be positive, got ${pupils}`);
  if (!(ratePer1000 > 0))
    throw new RangeError(`schoolFrequencies: ratePer1000 must be positive, got ${ratePer1000}`);
  const expected = (pupils * ratePer1000) / 1000;
  return {
    pupils,
    expected,
    change: expected * (ratio.estimate - 1),
    changeLow: expected * (ratio.ciLow - 1),
    changeHigh: expected * (ratio.ciHigh - 1),
  };
}
