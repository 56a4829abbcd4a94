import { expect, test } from 'vitest';
import { NARROWEST_COLUMN_PX, stacksOnPhones, tableMinWidth } from './tableLayout.ts';

const col = (label: string, numeric = true) => ({ label, numeric });

test('a year with two rates fits a 320 px screen and stays a table', () => {
  const table = {
    columns: [col('Year', false), col('Kingston upon Hull'), col('England')],
    rows: [
      ['2012–13', '457.0', '520.4'],
      ['2024–25', '1,850.1', '519.4'],
    ],
  };
  expect(tableMinWidth(table)).toBeLessThan(NARROWEST_COLUMN_PX);
  expect(stacksOnPhones(table)).toBe(false);
});

test('an estimates table with seven columns does not fit and is stacked on phones', () => {
  const table = {
    columns: [
      col('Outcome', false),
      col('Analysis', false),
      col('Rate ratio'),
      col('95% CI'),
      col('p-value'),
      col('Schools'),
    ],
    rows: [
      ['Section 17 (child in need) assessments', 'Unadjusted', '1.909', '1.169 to 3.119', '0.010', '12'],
    ],
  };
  expect(stacksOnPhones(table)).toBe(true);
});

test('a table is as wide as its longest unbreakable words: spaces and hyphens break, digits do not', () => {
  const one = (cell: string) => tableMinWidth({ columns: [col('A')], rows: [[cell]] });
  expect(one('Follow-up')).toBe(one('Follow-'));
  expect(one('4.5 to 16.6')).toBe(one('16.6'));
  expect(one('13,350,967')).toBeGreaterThan(one('967'));
});
