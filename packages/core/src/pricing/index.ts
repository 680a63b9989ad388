/**
 * Pricing: what a Claude request costs, to the last token and cent.
 *
 * Prices are data, not code: prices.json lists each model family (an API id prefix plus
 * aliases) with dated rows of USD-per-million-token rates as decimal strings, and an optional
 * extra file in the same format adds models or overrides rows at deployment time.
 *
 * - `loadPriceTable` validates both files and picks the fallback for unknown models.
 * - `resolvePrice` maps a model id to the row in force on a date (longest family prefix ending
 *   at a separator; an unknown model gets the fallback and is logged once).
 * - `calculateCost` prices one request's usage exactly with decimal.js, including 5-minute and
 *   1-hour cache writes and long-context tiers, and returns the `entryId` for the ledger.
 * - `formatCost` renders a cost as a plain decimal string.
 *
 * Tests: `npx vitest run src/pricing` in packages/core.
 */
export { calculateCost, type Cost } from './calculate-cost.ts';
export { formatCost } from './format-cost.ts';
export {
  parsePriceFile,
  type LongContext,
  type PriceEntry,
  type PriceFile,
  type Rates,
} from './price-file.ts';
export { loadPriceTable, type PriceTable, type PricingLogger } from './price-table.ts';
export { resolvePrice, type ResolvedPrice } from './resolve-price.ts';
export type { Usage } from './usage.ts';
