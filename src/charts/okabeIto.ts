/**
 * The Okabe–Ito colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
 * Charts never rely on these alone: each series also differs by marker shape, dash or label.
 */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;
