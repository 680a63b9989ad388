import Decimal from 'decimal.js';

/** Reads a database decimal (Prisma's own Decimal, a string, or null) as decimal.js. */
export function toDecimal(value: { toString(): string } | string | null | undefined): Decimal {
  return new Decimal(value === null || value === undefined ? 0 : value.toString());
}

/** A plain decimal string without exponent or trailing zeros: "0.0081", "50", "0". */
export function formatUsd(value: Decimal): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
