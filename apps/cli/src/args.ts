import { parseMonth } from '@analyst/core';
import { InvalidArgumentError } from 'commander';

/** A token count: a whole number, zero or more, written in plain digits. */
export function parseCount(value: string): number {
  const count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count)) {
    throw new InvalidArgumentError('expected a whole number of tokens, zero or more.');
  }

  return count;
}

/** A calendar date written YYYY-MM-DD, read as the start of that UTC day. */
export function parseDay(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? new Date(`${value}T00:00:00.000Z`) : new Date(Number.NaN);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date written YYYY-MM-DD.');
  }

  return day;
}

/** A month written YYYY-MM, checked by core so the rule lives in one place. */
export function parseMonthKey(value: string): string {
  try {
    return parseMonth(value).key;
  } catch {
    throw new InvalidArgumentError('expected a month written YYYY-MM.');
  }
}

/**
 * A budget in USD ("25", "0.50"), or "default" to return to the configured default (null).
 * The column holds 12 digits either side of the point; core's setUserBudget would round more
 * decimals away silently and fail on a larger amount, so both are refused here.
 */
export function parseBudget(value: string): string | null {
  if (value === 'default') return null;
  if (!/^\d{1,12}(\.\d{1,12})?$/.test(value)) {
    throw new InvalidArgumentError(
      'expected an amount in USD such as 25 or 0.50 (below 10^12, at most 12 decimals), ' +
        'or "default".',
    );
  }

  return value;
}
