import { describe, expect, it } from 'vitest';
import { splitMdx } from './frontmatter.ts';
import { relatedFindingProblems, studiesInFiles, studiesPresent, studyFieldProblems } from './studyChecks.ts';

const mdx = (frontmatter: string) => {
  const split = splitMdx('f.mdx', `---\n${frontmatter}\n---\n\nText.\n`);
  if (!split.ok) throw new Error(split.problem.message);
  return split.mdx;
};

describe('the studies a data folder holds', () => {
  it('are the study folders present, the trial first', () => {
    expect(studiesPresent({ trial: {}, pilot: {} })).toEqual(['trial', 'pilot']);
    expect(studiesPresent({ trial: null, pilot: {} })).toEqual(['pilot']);
    expect(studiesPresent({ trial: null, pilot: null })).toEqual([]);
    expect(studiesInFiles(['authorities.csv', 'pilot/sites.csv', 'context/la-statistics.csv'])).toEqual([
      'pilot',
    ]);
  });
});

describe('a finding or an update naming a study', () => {
  it('passes when the data holds the study, or when a finding names none', () => {
    expect(studyFieldProblems('f.mdx', 'findings', mdx('title: T\nstudy: trial'), ['trial'])).toEqual([]);
    expect(studyFieldProblems('f.mdx', 'findings', mdx('title: T'), [])).toEqual([]);
    expect(studyFieldProblems('f.mdx', 'pages', mdx('study: pilot'), [])).toEqual([]);
  });

  it('is refused at the line and column of the field when the data has no such study, saying what to do', () => {
    expect(studyFieldProblems('f.mdx', 'findings', mdx('title: T\nstudy: pilot'), ['trial'])).toEqual([
      {
        file: 'f.mdx',
        line: 3,
        column: 8,
        message:
          'f.mdx:3:8: frontmatter field "study": expected a study with data in the data folder (trial), found "pilot". This data folder has no pilot/, so there are no pilot results to show: add the data (see data/README.md), or remove this finding.',
      },
    ]);
    expect(studyFieldProblems('f.mdx', 'updates', mdx('amends: dsl'), [])[0]?.message).toBe(
      'f.mdx:2:9: frontmatter field "amends": expected a study with data in the data folder (it holds none), found "dsl". Name the study whose findings the update amends.',
    );
  });

  it('lists related findings that no finding file has', () => {
    const problems = relatedFindingProblems('u.mdx', mdx('relatedFindings: [trial, trail]'), [
      'trial',
      'pilot',
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'u.mdx:2:18: frontmatter field "relatedFindings": expected the file names of findings in content/findings/ (trial, pilot), found "trail". Check the spelling, or remove the name.',
    ]);
  });
});
