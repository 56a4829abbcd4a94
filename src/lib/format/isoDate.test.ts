import { describe, expect, it } from 'vitest';
import { isIsoDate, readIsoDate, suggestIsoDate } from './isoDate.ts';

describe('isIsoDate', () => {
  it('accepts YYYY-MM-DD days of the calendar only', () => {
    expect(['2026-12-01', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(
      ['2023-02-30', '2026-13-01', '2026-1-5', '01/12/2026', '2026-12-01T00:00:00Z'].map(isIsoDate),
    ).toEqual([false, false, false, false, false]);
  });
});

describe('suggestIsoDate', () => {
  it('reads day/month/year numbers day first, as written in the UK', () => {
    expect(suggestIsoDate('01/12/2026')).toBe('2026-12-01');
    expect(suggestIsoDate('1.12.2026')).toBe('2026-12-01');
    expect(suggestIsoDate('01-12-2026')).toBe('2026-12-01');
  });

  it('reads month first only when the first number cannot be the month-partner day', () => {
    expect(suggestIsoDate('12/31/2026')).toBe('2026-12-31');
    expect(suggestIsoDate('31/12/2026')).toBe('2026-12-31');
  });

  it('reads year-first numbers, compact dates, timestamps and month names', () => {
    expect(suggestIsoDate('2026/12/1')).toBe('2026-12-01');
    expect(suggestIsoDate('20261201')).toBe('2026-12-01');
    expect(suggestIsoDate('2026-12-01T10:30:00Z')).toBe('2026-12-01');
    expect(suggestIsoDate('1 December 2026')).toBe('2026-12-01');
    expect(suggestIsoDate('1st Dec 2026')).toBe('2026-12-01');
    expect(suggestIsoDate('December 1, 2026')).toBe('2026-12-01');
  });

  it('gives nothing when it cannot tell or the day does not exist', () => {
    expect(suggestIsoDate('next Tuesday')).toBeNull();
    expect(suggestIsoDate('31/02/2026')).toBeNull();
    expect(suggestIsoDate('1 Smarch 2026')).toBeNull();
  });
});

describe('readIsoDate', () => {
  it('takes ISO text, and a Date at midnight UTC as YAML gives for an unquoted ISO date', () => {
    expect(readIsoDate('2026-12-01')).toEqual({ ok: true, iso: '2026-12-01' });
    expect(readIsoDate(new Date('2026-12-01T00:00:00Z'))).toEqual({ ok: true, iso: '2026-12-01' });
  });

  it('refuses anything else with the ISO form probably meant', () => {
    expect(readIsoDate('01/12/2026')).toEqual({
      ok: false,
      refusal: {
        expected: 'a date written YYYY-MM-DD',
        found: '"01/12/2026"',
        hint: 'If you meant 1 December 2026, write 2026-12-01.',
      },
    });
    expect(readIsoDate(new Date('2026-12-01T10:00:00Z'))).toMatchObject({
      ok: false,
      refusal: {
        found: '"2026-12-01T10:00:00.000Z"',
        hint: 'If you meant 1 December 2026, write 2026-12-01.',
      },
    });
    expect(readIsoDate('2023-02-30')).toMatchObject({
      ok: false,
      refusal: { found: '"2023-02-30", which is not a day of the calendar', hint: '' },
    });
    expect(readIsoDate('soon')).toMatchObject({
      ok: false,
      refusal: { hint: 'Write the year, month and day as numbers, such as 2026-12-01 for 1 December 2026.' },
    });
    expect(readIsoDate(undefined)).toMatchObject({
      ok: false,
      refusal: { found: 'nothing (the field is missing)' },
    });
  });
});
