import Decimal from 'decimal.js';

/** Reads a database decimal (Prisma's own Decimal, a string, or null) as decimal.js. */
export function toDecimal(value: { toString(): string } | string | null | undefined): Decimal {
  return new Decimal(value === null || value === undefined ? 0 : value.toString());
}
