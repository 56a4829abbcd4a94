import { describe, expect, it } from 'vitest';
import { updateSchema } from './schemas.ts';

const update = { title: 'T', summary: 'S', authors: ['A'] };

describe('frontmatter dates', () => {
  it('take an ISO date as text or as the Date YAML makes of an unquoted one, as that day at midnight UTC', () => {
    for (const date of ['2026-12-01', new Date('2026-12-01T00:00:00Z')])
      expect(updateSchema.parse({ ...update, date }).date.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('refuse 01/12/2026 instead of reading it as 12 January, saying what was probably meant', () => {
    const r = updateSchema.safeParse({ ...update, date: '01/12/2026' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'date',
        'expected a date written YYYY-MM-DD, found "01/12/2026". If you meant 1 December 2026, write 2026-12-01.',
      ],
    ]);
  });

  it('refuse a timestamp, which YAML also turns into a Date', () => {
    expect(updateSchema.safeParse({ ...update, date: new Date('2026-12-01T09:30:00Z') }).success).toBe(false);
  });
});
