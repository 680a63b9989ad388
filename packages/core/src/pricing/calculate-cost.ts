import type Decimal from 'decimal.js';

import { Money } from './money.ts';
import type { PriceTable } from './price-table.ts';
import { resolvePrice } from './resolve-price.ts';
import { billedTokens, type Usage } from './usage.ts';

export type Cost = {
  /** USD, exact. */
  cost: Decimal;
  /** The price row used, with `#long` when the long-context rates applied. */
  entryId: string;
  fallback: boolean;
  longContext: boolean;
};

const TOKENS_PER_PRICE_UNIT = 1_000_000;

/**
 * The exact cost of one request. Cached tokens are billed only at their cache rate, never also as
 * input. When the model has a long-context tier and the prompt (input, cache reads and cache
 * writes of this request) is over its threshold, every token of the request, output included,
 * is billed at the tier's rates.
 */
export function calculateCost({
  table,
  model,
  usage,
  at = new Date(),
}: {
  table: PriceTable;
  model: string;
  usage: Usage;
  at?: Date;
}): Cost {
  const tokens = billedTokens(usage);
  const price = resolvePrice({ table, model, at });

  const prompt = tokens.input + tokens.cacheRead + tokens.cacheWrite5m + tokens.cacheWrite1h;
  const tier = price.entry.longContext;
  const longRates = tier !== undefined && prompt > tier.threshold ? tier.rates : undefined;
  const rates = longRates ?? price.entry.rates;
  const cost = new Money(tokens.input)
    .times(rates.input)
    .plus(new Money(tokens.cacheWrite5m).times(rates.cacheWrite5m))
    .plus(new Money(tokens.cacheWrite1h).times(rates.cacheWrite1h))
    .plus(new Money(tokens.cacheRead).times(rates.cacheRead))
    .plus(new Money(tokens.output).times(rates.output))
    .dividedBy(TOKENS_PER_PRICE_UNIT);

  return {
    cost,
    entryId: longRates === undefined ? price.entryId : `${price.entryId}#long`,
    fallback: price.fallback,
    longContext: longRates !== undefined,
  };
}
