import { describe, expect, it } from 'vitest';

import { DomainError } from '../errors/domain-error.ts';
import { monthOf, parseMonth } from './utc-month.ts';

describe('UTC months', () => {
  it('puts the last millisecond of a month in that month and the next instant in the next', () => {
    expect(monthOf(new Date('2026-01-31T23:59:59.999Z')).key).toBe('2026-01');
    expect(monthOf(new Date('2026-02-01T00:00:00.000Z')).key).toBe('2026-02');
  });

  it('ends February after the leap day in a leap year', () => {
    const february = parseMonth('2028-02');
    expect(february.start.toISOString()).toBe('2028-02-01T00:00:00.000Z');
    expect(february.end.toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(monthOf(new Date('2028-02-29T12:00:00Z')).key).toBe('2028-02');
  });

  it('rolls December over into January of the next year', () => {
    expect(parseMonth('2026-12').end.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('does not depend on the local time zone', () => {
    // 23:30 on the 31st in UTC is already the 1st in UTC+1 zones; the month stays January.
    expect(monthOf(new Date('2026-01-31T23:30:00Z')).key).toBe('2026-01');
  });

  it('rejects a malformed month as invalid input', () => {
    for (const bad of ['2026-13', '2026-1', '26-01', '2026-00', '']) {
      expect(() => parseMonth(bad)).toThrow(DomainError);
    }
  });
});

describe('early years', () => {
  it('keeps a two-digit year as written instead of reading it as 19xx', () => {
    const month = parseMonth('0050-12');
    expect(month.key).toBe('0050-12');
    expect(month.end.getUTCFullYear()).toBe(51);
  });
});
