import { invalidInput } from '../errors/domain-error.ts';

/** A calendar month in UTC, half-open: [start, end). */
export interface UtcMonth {
  /** "YYYY-MM" */
  key: string;
  start: Date;
  end: Date;
}

function utcDate(year: number, monthIndex: number): Date {
  // Date.UTC reads the years 0 to 99 as 1900 to 1999; setting the year afterwards does not.
  const date = new Date(Date.UTC(2000, monthIndex, 1));
  date.setUTCFullYear(year + Math.floor(monthIndex / 12), ((monthIndex % 12) + 12) % 12, 1);
  return date;
}

function fromParts(year: number, monthIndex: number): UtcMonth {
  const start = utcDate(year, monthIndex);
  const end = utcDate(year, monthIndex + 1);
  const key = `${String(start.getUTCFullYear()).padStart(4, '0')}-${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
  return { key, start, end };
}

/** The UTC month that contains the instant. */
export function monthOf(instant: Date): UtcMonth {
  return fromParts(instant.getUTCFullYear(), instant.getUTCMonth());
}

/** Parses "YYYY-MM"; bad input is an INVALID_INPUT domain error. */
export function parseMonth(key: string): UtcMonth {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!match) throw invalidInput(`Month must be written YYYY-MM, got "${key}".`);
  return fromParts(Number(match[1]), Number(match[2]) - 1);
}

export function resolveMonth(key: string | undefined, now: Date): UtcMonth {
  return key === undefined ? monthOf(now) : parseMonth(key);
}
