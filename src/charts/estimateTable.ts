import type { ChartTableColumn } from './chartTypes.ts';

/**
 * The columns every table of estimates starts with: what is estimated, its value (headed by the
 * measure, such as "Rate ratio") and its 95% confidence interval's two ends.
 */
export function estimateColumns(measure: string): ChartTableColumn[] {
  return [
    { label: 'Estimate', numeric: false },
    { label: measure, numeric: true },
    { label: '95% CI lower', numeric: true },
    { label: '95% CI upper', numeric: true },
  ];
}
