import { describe, expect, it } from 'vitest';

import { formatUsd, monthsSince } from './format';

describe('formatUsd shows the exact decimal from the server', () => {
  it.each([
    ['0.0081', '$0.0081'],
    ['0.021', '$0.021'],
    ['0.0210', '$0.021'],
    ['0.003126', '$0.003126'],
    ['50', '$50.00'],
    ['50.000000', '$50.00'],
    ['0.1', '$0.10'],
    ['0', '$0.00'],
    ['1234567.891', '$1,234,567.891'],
    ['-0.25', '-$0.25'],
    ['0.000000001', '$0.000000001'],
  ])('%s reads %s, never rounded', (amount, shown) => {
    expect(formatUsd(amount)).toBe(shown);
  });
});

describe('monthsSince lists the months an account can have usage in', () => {
  const now = new Date('2026-03-15T12:00:00Z');

  it('runs from the creation month to this one, newest first', () => {
    expect(monthsSince('2025-12-31T23:30:00Z', now)).toEqual([
      '2026-03',
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
  });

  it('is just this month for an account made this month', () => {
    expect(monthsSince('2026-03-01T00:00:00Z', now)).toEqual(['2026-03']);
  });

  it('is just this month when the date cannot be read', () => {
    expect(monthsSince('not a date', now)).toEqual(['2026-03']);
  });
});
