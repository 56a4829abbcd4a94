import { describe, expect, test } from 'vitest';
import { isInBuild, publicationState } from './visibility.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const publish = { drafts: false, publishDate: undefined };

describe('publicationState', () => {
  test('an entry with neither draft nor embargo is published', () => {
    expect(publicationState({}, publish)).toBe('published');
    expect(publicationState({ draft: false }, publish)).toBe('published');
  });

  test('a draft stays a draft whatever the publication date', () => {
    expect(publicationState({ draft: true }, { drafts: false, publishDate: day('2099-01-01') })).toBe(
      'draft',
    );
    expect(
      publicationState(
        { draft: true, embargo: day('2020-01-01') },
        { drafts: true, publishDate: day('2099-01-01') },
      ),
    ).toBe('draft');
  });

  test('an embargo holds without a publication date, since builds never read the clock', () => {
    expect(publicationState({ embargo: day('2020-01-01') }, publish)).toBe('embargoed');
  });

  test('an embargo ends on its own day, not before', () => {
    const embargo = day('2027-01-15');
    expect(publicationState({ embargo }, { drafts: false, publishDate: day('2027-01-14') })).toBe(
      'embargoed',
    );
    expect(publicationState({ embargo }, { drafts: false, publishDate: day('2027-01-15') })).toBe(
      'published',
    );
    expect(publicationState({ embargo }, { drafts: false, publishDate: day('2027-02-01') })).toBe(
      'published',
    );
  });
});

describe('isInBuild', () => {
  test('drafts and embargoed entries are left out of a published build', () => {
    expect(isInBuild({ draft: true }, publish)).toBe(false);
    expect(isInBuild({ embargo: day('2027-01-15') }, publish)).toBe(false);
    expect(isInBuild({}, publish)).toBe(true);
  });

  test('a build asked for drafts keeps every entry (each is labelled by its state)', () => {
    const preview = { drafts: true, publishDate: undefined };
    expect(isInBuild({ draft: true }, preview)).toBe(true);
    expect(isInBuild({ embargo: day('2027-01-15') }, preview)).toBe(true);
  });
});
