import { describe, expect, it } from 'vitest';

import { formatCost } from './format-cost.ts';
import { loadPriceTable } from './price-table.ts';
import { resolvePrice } from './resolve-price.ts';

/** The table of /work/shared/PRICES.md: input, 5m write, 1h write, cache read, output. */
const published: [string, string][] = [
  ['claude-fable-5-1', '10 12.5 20 0.25 50'],
  ['claude-mythos-5-1', '10 12.5 20 0.25 50'],
  ['claude-fable-5', '10 12.5 20 1 50'],
  ['claude-mythos-5', '10 12.5 20 1 50'],
  ['claude-opus-5-5', '4 5 8 0.2 20'],
  ['claude-opus-5', '5 6.25 10 0.5 25'],
  ['claude-opus-4-8', '5 6.25 10 0.5 25'],
  ['claude-opus-4-7', '5 6.25 10 0.5 25'],
  ['claude-opus-4-6', '5 6.25 10 0.5 25'],
  ['claude-opus-4-5', '5 6.25 10 0.5 25'],
  ['claude-opus-4-1', '15 18.75 30 1.5 75'],
  ['claude-opus-4', '15 18.75 30 1.5 75'],
  ['claude-sonnet-5-5', '2 2.5 4 0.1 10'],
  ['claude-sonnet-5', '2 2.5 4 0.2 10'],
  ['claude-sonnet-4-6', '3 3.75 6 0.3 15'],
  ['claude-sonnet-4-5', '3 3.75 6 0.3 15'],
  ['claude-sonnet-4', '3 3.75 6 0.3 15'],
  ['claude-3-7-sonnet', '3 3.75 6 0.3 15'],
  ['claude-haiku-5-5', '0.1 0.125 0.2 0.01 0.5'],
  ['claude-haiku-4-5', '1 1.25 2 0.1 5'],
  ['claude-3-5-haiku', '0.8 1 1.6 0.08 4'],
  ['claude-3-haiku', '0.25 0.3 0.5 0.03 1.25'],
];

const longTiers: [string, number, string][] = [
  ['claude-sonnet-4-5', 200_000, '6 7.5 12 0.6 22.5'],
  ['claude-sonnet-4', 200_000, '6 7.5 12 0.6 22.5'],
  ['claude-haiku-5-5', 100_000, '0.5 0.625 1 0.05 2.5'],
];

function ratesText(
  rates: Record<
    'input' | 'cacheWrite5m' | 'cacheWrite1h' | 'cacheRead' | 'output',
    Parameters<typeof formatCost>[0]
  >,
) {
  return [rates.input, rates.cacheWrite5m, rates.cacheWrite1h, rates.cacheRead, rates.output]
    .map(formatCost)
    .join(' ');
}

describe('prices.json', () => {
  const table = loadPriceTable();
  const at = new Date('2026-12-15T00:00:00Z');

  it.each(published)('prices %s as PRICES.md lists it: %s', (model, expected) => {
    const { entry, fallback } = resolvePrice({ table, model, at });

    expect(fallback).toBe(false);
    expect(ratesText(entry.rates)).toBe(expected);
  });

  it.each(longTiers)('gives %s a tier over %i tokens at %s', (model, threshold, expected) => {
    const tier = resolvePrice({ table, model, at }).entry.longContext;

    expect(tier?.threshold).toBe(threshold);
    expect(tier && ratesText(tier.rates)).toBe(expected);
  });

  it('gives no other model a long-context tier', () => {
    const withTier = new Set(table.entries.filter((e) => e.longContext).map((e) => e.id));

    expect(withTier).toEqual(new Set(longTiers.map(([model]) => model)));
  });

  it('has an earlier row only for the Sonnet 5.5 cache read change', () => {
    const ids = table.entries.map((entry) => entry.id);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);

    expect(repeated).toEqual(['claude-sonnet-5-5']);
  });
});
