import { describe, expect, test } from 'vitest';
import { findTypedNumbers } from './typedNumbers.ts';

const found = (body: string) => findTypedNumbers(body, 10).map((n) => `${n.line}:${n.column} ${n.text}`);

describe('findTypedNumbers', () => {
  test('the typed result from the issue is caught, each number where it starts', () => {
    expect(
      found('The ratio was 0.96 (95% CI 0.85 to 1.07)\nacross 263 schools and 12.5% of pupils.'),
    ).toEqual(['10:15 0.96', '10:28 0.85', '10:36 1.07', '11:8 263 schools', '11:24 12.5%']);
  });

  test('counts with grouping, per cent in words and singular units are caught', () => {
    expect(found('In 1,250 pupils, 12 per cent, 1 authority.')).toEqual([
      '10:4 1,250 pupils',
      '10:18 12 per cent',
      '10:31 1 authority',
    ]);
  });

  test('dates, section numbers, Acts, confidence levels and versions are allowed', () => {
    expect(
      found(
        [
          'On 30 March 2023, in January 2019 social workers started; 2020–22 school years and the 2021/22 school year.',
          'Section 47 enquiries and section 17 assessments under the Children Act 1989.',
          'A 95% confidence interval, 95% CI, the Open Government Licence v3.0 and WCAG 2.2; zoomed to 400%.',
          'Registered as ISRCTN90922032; Review 166 (2024).',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  test('numbers inside components, expressions, code, links and comments are not prose', () => {
    const body = [
      '<Estimate study="trial" outcome="s47" analysis="adjusted" scope="0.96" />',
      '<Fact id="x">263 schools</Fact> is a component with its words; {0.5 * 2} is code.',
      '`1.5` and [a link](https://example.org/1.5%) and doi:10.1371/journal.pone.0265354.',
      '<!-- 2.5% draft -->',
      '```',
      '0.96 in a fenced block',
      '```',
    ].join('\n');
    expect(found(body)).toEqual(['11:14 263 schools']);
  });
});
