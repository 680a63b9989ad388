import { describe, expect, it, vi } from 'vitest';

import { calculateCost } from './calculate-cost.ts';
import { formatCost } from './format-cost.ts';
import { loadPriceTable } from './price-table.ts';
import type { Usage } from './usage.ts';

const at = new Date('2026-12-15T12:00:00Z');
const none: Usage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

function cost(model: string, usage: Partial<Usage>, when: Date = at) {
  const result = calculateCost({
    table: loadPriceTable(),
    model,
    usage: { ...none, ...usage },
    at: when,
  });
  return { ...result, text: formatCost(result.cost) };
}

describe('calculateCost', () => {
  it('prices the Sonnet 4.5 worked example of PRICES.md at 0.0081', () => {
    // 1,200 x 3 / 1M = 0.0036; 300 x 15 / 1M = 0.0045; total 0.0081
    const result = cost('claude-sonnet-4-5-20250929', { inputTokens: 1200, outputTokens: 300 });

    expect(result.text).toBe('0.0081');
    expect(result.entryId).toBe('claude-sonnet-4-5@2025-09-29');
    expect(result.fallback).toBe(false);
    expect(result.longContext).toBe(false);
  });

  it('prices the Haiku 4.5 worked example with split cache writes at 0.010536', () => {
    // 21 x 1 = 0.000021; 2,000 x 1.25 = 0.0025; 4,000 x 2 = 0.008; 3 x 5 = 0.000015 (all / 1M)
    // total 0.010536
    const result = cost('claude-haiku-4-5-20251001', {
      inputTokens: 21,
      cacheCreationInputTokens: 6000,
      cacheCreation5mInputTokens: 2000,
      cacheCreation1hInputTokens: 4000,
      outputTokens: 3,
    });

    expect(result.text).toBe('0.010536');
  });

  it('charges cache writes at the write rate and not also as input', () => {
    // Sonnet 4.5: 1,000 input x 3 = 0.003; 1,000 5m writes x 3.75 = 0.00375; total 0.00675
    const result = cost('claude-sonnet-4-5', { inputTokens: 1000, cacheCreationInputTokens: 1000 });

    expect(result.text).toBe('0.00675');
  });

  it('charges cache reads at the read rate and not also as input', () => {
    // Sonnet 4.5: 100 input x 3 = 0.0003; 10,000 reads x 0.30 = 0.003; total 0.0033
    const result = cost('claude-sonnet-4-5', { inputTokens: 100, cacheReadInputTokens: 10_000 });

    expect(result.text).toBe('0.0033');
  });

  it('prices 1-hour writes at the 1-hour rate and 5-minute writes at the 5-minute rate', () => {
    // Sonnet 4.5: 1,000 1h writes x 6 = 0.006; 1,000 5m writes x 3.75 = 0.00375
    const oneHour = cost('claude-sonnet-4-5', {
      cacheCreationInputTokens: 1000,
      cacheCreation5mInputTokens: 0,
      cacheCreation1hInputTokens: 1000,
    });
    const fiveMinutes = cost('claude-sonnet-4-5', {
      cacheCreationInputTokens: 1000,
      cacheCreation5mInputTokens: 1000,
      cacheCreation1hInputTokens: 0,
    });

    expect(oneHour.text).toBe('0.006');
    expect(fiveMinutes.text).toBe('0.00375');
  });

  it('prices cache writes without a split as 5-minute writes', () => {
    // Haiku 4.5: 6,000 writes x 1.25 / 1M = 0.0075 (not 0.012 at the 1h rate of 2)
    const result = cost('claude-haiku-4-5', { cacheCreationInputTokens: 6000 });

    expect(result.text).toBe('0.0075');
  });

  it('prices the part of the write total the split leaves out as 5-minute writes', () => {
    // Sonnet 4.5: total 1,000, split 5m 300 + 1h 400: 5m = 1,000 - 400 = 600
    // 600 x 3.75 = 0.00225; 400 x 6 = 0.0024; total 0.00465
    const result = cost('claude-sonnet-4-5', {
      cacheCreationInputTokens: 1000,
      cacheCreation5mInputTokens: 300,
      cacheCreation1hInputTokens: 400,
    });

    expect(result.text).toBe('0.00465');
  });

  it('charges every token of a Sonnet 4.5 prompt over 200k at the long-context rates', () => {
    // prompt = 150,000 input + 40,000 reads + 5,000 5m + 15,000 1h writes = 210,000 > 200,000
    // 150,000 x 6 = 0.9; 5,000 x 7.50 = 0.0375; 15,000 x 12 = 0.18; 40,000 x 0.60 = 0.024;
    // 2,000 output x 22.50 = 0.045; total 1.1865
    const result = cost('claude-sonnet-4-5-20250929', {
      inputTokens: 150_000,
      cacheReadInputTokens: 40_000,
      cacheCreationInputTokens: 20_000,
      cacheCreation5mInputTokens: 5000,
      cacheCreation1hInputTokens: 15_000,
      outputTokens: 2000,
    });

    expect(result.text).toBe('1.1865');
    expect(result.longContext).toBe(true);
    expect(result.entryId).toBe('claude-sonnet-4-5@2025-09-29#long');
  });

  it('keeps the base rates for a prompt of exactly 200,000 tokens', () => {
    // prompt = 100,000 input + 60,000 reads + 40,000 writes = 200,000, not over the threshold
    // 100,000 x 3 = 0.3; 60,000 x 0.30 = 0.018; 40,000 x 3.75 = 0.15; 1,000 x 15 = 0.015
    // total 0.483
    const result = cost('claude-sonnet-4-5', {
      inputTokens: 100_000,
      cacheReadInputTokens: 60_000,
      cacheCreationInputTokens: 40_000,
      outputTokens: 1000,
    });

    expect(result.text).toBe('0.483');
    expect(result.longContext).toBe(false);
  });

  it('switches to the long-context rates one token over 200,000', () => {
    // prompt = 100,001 + 60,000 + 40,000 = 200,001
    // 100,001 x 6 = 0.600006; 60,000 x 0.60 = 0.036; 40,000 x 7.50 = 0.3; 1,000 x 22.50 = 0.0225
    // total 0.958506
    const result = cost('claude-sonnet-4-20250514', {
      inputTokens: 100_001,
      cacheReadInputTokens: 60_000,
      cacheCreationInputTokens: 40_000,
      outputTokens: 1000,
    });

    expect(result.text).toBe('0.958506');
    expect(result.entryId).toBe('claude-sonnet-4@2025-05-22#long');
  });

  it('charges Sonnet 4.6 at its base rates at 300k, having no long-context tier', () => {
    // 300,000 x 3 = 0.9; 1,000 x 15 = 0.015; total 0.915
    const result = cost('claude-sonnet-4-6', { inputTokens: 300_000, outputTokens: 1000 });

    expect(result.text).toBe('0.915');
    expect(result.longContext).toBe(false);
  });

  it('keeps Haiku 5.5 at its base rates for a prompt of 100,000 tokens', () => {
    // 100,000 x 0.10 = 0.01; 1,000 x 0.50 = 0.0005; total 0.0105
    const result = cost('claude-haiku-5-5', { inputTokens: 100_000, outputTokens: 1000 });

    expect(result.text).toBe('0.0105');
    expect(result.longContext).toBe(false);
  });

  it('charges Haiku 5.5 at its over-100k rates for a prompt of 100,001 tokens', () => {
    // prompt = 60,001 input + 40,000 reads = 100,001
    // 60,001 x 0.50 = 0.0300005; 40,000 x 0.05 = 0.002; 1,000 output x 2.50 = 0.0025
    // total 0.0345005
    const result = cost('claude-haiku-5-5', {
      inputTokens: 60_001,
      cacheReadInputTokens: 40_000,
      outputTokens: 1000,
    });

    expect(result.text).toBe('0.0345005');
    expect(result.longContext).toBe(true);
    expect(result.entryId).toBe('claude-haiku-5-5@2026-10-07#long');
  });

  it('charges Sonnet 5.5 cache reads 0.20 before 2026-10-07 and 0.10 from midnight UTC that day', () => {
    // 1,000,000 reads x 0.20 / 1M = 0.2 before; x 0.10 = 0.1 from midnight UTC on
    const reads = { cacheReadInputTokens: 1_000_000 };
    const before = cost('claude-sonnet-5-5', reads, new Date('2026-10-06T23:59:59.999Z'));
    const midnight = cost('claude-sonnet-5-5', reads, new Date('2026-10-07T00:00:00.000Z'));
    const later = cost('claude-sonnet-5-5', reads, new Date('2026-12-01T08:00:00Z'));

    expect(before.text).toBe('0.2');
    expect(before.entryId).toBe('claude-sonnet-5-5@2026-09-28');
    expect(midnight.text).toBe('0.1');
    expect(midnight.entryId).toBe('claude-sonnet-5-5@2026-10-07');
    expect(later.text).toBe('0.1');
  });

  it('prices a dated Sonnet 5.5 id as Sonnet 5.5, not as its neighbour Sonnet 5', () => {
    // 1,000,000 reads: Sonnet 5.5 after 2026-10-07 = 0.1; Sonnet 5 would be 0.2
    const dated = cost('claude-sonnet-5-5-20261001', { cacheReadInputTokens: 1_000_000 });
    const sonnet5 = cost('claude-sonnet-5', { cacheReadInputTokens: 1_000_000 });

    expect(dated.text).toBe('0.1');
    expect(sonnet5.text).toBe('0.2');
  });

  it('prices claude-sonnet-4-5-20250514 from old configuration as Sonnet 4.5', () => {
    // Same usage as the worked example: 0.0081
    const result = cost('claude-sonnet-4-5-20250514', { inputTokens: 1200, outputTokens: 300 });

    expect(result.text).toBe('0.0081');
    expect(result.entryId).toBe('claude-sonnet-4-5@2025-09-29');
  });

  it('prices an unknown model at the fallback rates, never at zero', () => {
    // Fallback claude-fable-5: 1,000 x 10 = 0.01; 1,000 x 50 = 0.05; total 0.06
    const result = cost('claude-nova-1', { inputTokens: 1000, outputTokens: 1000 });

    expect(result.text).toBe('0.06');
    expect(result.fallback).toBe(true);
    expect(result.entryId).toBe('fallback:claude-fable-5@2026-06-09');
  });

  it('logs an unknown model once for two calls on the same table', () => {
    const logger = { warn: vi.fn() };
    const table = loadPriceTable({ logger });
    const usage = { ...none, inputTokens: 10 };

    calculateCost({ table, model: 'claude-nova-1', usage, at });
    calculateCost({ table, model: 'claude-nova-1', usage, at });

    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      { model: 'claude-nova-1', entryId: 'fallback:claude-fable-5@2026-06-09' },
      'unknown model priced at the fallback rates',
    );
  });

  it('prices one token at the cheapest rate exactly: a Haiku 5.5 cache read is 0.00000001', () => {
    // 1 x 0.01 / 1M = 0.00000001
    const result = cost('claude-haiku-5-5', { cacheReadInputTokens: 1 });

    expect(result.cost.equals('0.00000001')).toBe(true);
    expect(result.text).toBe('0.00000001');
  });

  it('stays exact for token counts near the largest safe integer', () => {
    const result = cost('claude-haiku-5-5', {
      cacheCreationInputTokens: Number.MAX_SAFE_INTEGER,
    });

    expect(result.longContext).toBe(true);
    // Over 100k, so the 5m write rate is 0.625: 9,007,199,254,740,991 x 0.625 / 1M
    // = 5,629,499,534.213119375
    expect(result.text).toBe('5629499534.213119375');
  });

  it('charges nothing for a request with no tokens', () => {
    expect(cost('claude-opus-5', {}).text).toBe('0');
  });

  it.each([
    ['inputTokens', -1],
    ['outputTokens', 1.5],
    ['cacheCreationInputTokens', Number.NaN],
    ['cacheReadInputTokens', Number.POSITIVE_INFINITY],
    ['cacheCreation1hInputTokens', -4000],
  ])('rejects %s = %s with a RangeError', (field, value) => {
    expect(() =>
      cost('claude-sonnet-4-5', { cacheCreationInputTokens: 0, [field]: value }),
    ).toThrow(
      new RangeError(`usage.${field} must be a non-negative integer, got ${String(value)}`),
    );
  });

  it('rejects a cache write split larger than the write total', () => {
    expect(() =>
      cost('claude-sonnet-4-5', {
        cacheCreationInputTokens: 100,
        cacheCreation5mInputTokens: 80,
        cacheCreation1hInputTokens: 40,
      }),
    ).toThrow(RangeError);
  });

  it('does not log an unknown model when the usage is rejected first', () => {
    const logger = { warn: vi.fn() };
    const table = loadPriceTable({ logger });

    expect(() =>
      calculateCost({ table, model: 'claude-nova-1', usage: { ...none, inputTokens: -1 }, at }),
    ).toThrow(RangeError);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
