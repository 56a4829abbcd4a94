import { describe, expect, it } from 'vitest';
import { FIGURE_CHARTS, figurePropProblems, figurePropsSchema, figureUseFor } from './figureProps.ts';
import { findComponents } from './mdxBody.ts';

describe('<Figure> props', () => {
  it('accept each chart with what it needs, as MDX writes them (text) or as numbers', () => {
    const examples: Record<string, unknown>[] = [
      { chart: 'trial-forest' },
      { chart: 'trial-differences', heading: 'Scores' },
      { chart: 'trial-consort', level: '3' },
      { chart: 'pilot-forest', outcome: 's47' },
      { chart: 'school-frequencies', outcome: 's47', pupils: '600', event: 'enquiry', events: 'enquiries' },
      { chart: 'school-frequencies', outcome: 's47', pupils: 600 },
      { chart: 'programme-map' },
      { chart: 'change-map', measure: 'referrals' },
      { chart: 'before-after' },
      { chart: 'programme-trends', measure: 'cla_starts' },
      { chart: 'authority-trend', authority: 'E09000022', level: 4 },
      {
        chart: 'result',
        study: 'trial',
        outcome: 's47',
        analysis: 'adjusted',
        published: true,
        subject: 'SWIS',
      },
    ];
    expect(new Set(examples.map((e) => e['chart']))).toEqual(new Set(FIGURE_CHARTS));
    for (const e of examples) expect(figurePropProblems(e), JSON.stringify(e)).toEqual([]);
  });

  it('fill in stated defaults', () => {
    expect(figurePropsSchema.parse({ chart: 'school-frequencies', outcome: 's47' })).toMatchObject({
      pupils: 1000,
    });
    expect(figurePropsSchema.parse({ chart: 'change-map' })).toMatchObject({ measure: 's47_enquiries' });
    expect(figurePropsSchema.parse({ chart: 'before-after' })).toMatchObject({ measure: 'referrals' });
  });

  it('name the prop, what was expected and what was found', () => {
    expect(figurePropProblems({})).toEqual([
      { prop: 'chart', expected: expect.stringMatching(/^one of "trial-forest", /), found: 'none' },
    ]);
    expect(figurePropProblems({ chart: 'pilot-forest' })).toEqual([
      { prop: 'outcome', expected: 'a string', found: 'none' },
    ]);
    expect(figurePropProblems({ chart: 'trial-forest', level: '5' })).toEqual([
      { prop: 'level', expected: 'a heading level: 2, 3 or 4', found: '"5"' },
    ]);
    expect(figurePropProblems({ chart: 'authority-trend', authority: 'Lambeth' })).toEqual([
      { prop: 'authority', expected: 'an authority code such as E09000022', found: '"Lambeth"' },
    ]);
    expect(figurePropProblems({ chart: 'trial-forest', outcome: 's47' })).toEqual([
      {
        prop: 'outcome',
        expected: 'only the props chart="trial-forest" takes (heading, level)',
        found: 'an unknown prop; check the spelling',
      },
    ]);
  });

  it('find the use a component was given in its MDX file, for the line of a build error', () => {
    const body =
      '<Figure chart="trial-forest" />\n\nText.\n\n<Figure chart="pilot-forest" outcome="s47" colour="red" />';
    const uses = findComponents(body, 7);
    expect(figureUseFor(uses, { chart: 'pilot-forest', outcome: 's47', colour: 'red' })?.line).toBe(11);
    expect(figureUseFor(uses, { chart: 'trial-forest' })?.line).toBe(7);
    expect(figureUseFor(uses, { chart: 'programme-map' })).toBeNull();
  });
});
