import Decimal from 'decimal.js';

/**
 * The Decimal constructor every price and cost in this folder is built with. decimal.js rounds
 * each operation to 20 significant digits by default, which a large token count times a price
 * with a few decimals can exceed; 50 digits keeps every product of a safe-integer count and a
 * listed price exact. A clone, so the global Decimal settings other code relies on stay as they
 * are.
 */
export const Money = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
