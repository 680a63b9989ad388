import type Decimal from 'decimal.js';

/** A cost as a plain decimal string with no exponent and no trailing zeros: "0.0081", "0". */
export function formatCost(d: Decimal): string {
  const fixed = d.toFixed();
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;

  return trimmed === '-0' ? '0' : trimmed;
}
