import { describe, expect, it, vi } from 'vitest';

import { loadPriceTable } from './price-table.ts';
import { resolvePrice } from './resolve-price.ts';

const at = new Date('2026-12-15T12:00:00Z');

function resolve(model: string, when: Date = at) {
  return resolvePrice({ table: loadPriceTable(), model, at: when });
}

describe('resolvePrice', () => {
  it.each([
    ['claude-sonnet-4-5', 'claude-sonnet-4-5@2025-09-29'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5@2025-09-29'],
    ['claude-sonnet-4-5@20250929', 'claude-sonnet-4-5@2025-09-29'],
    ['claude-sonnet-4-5-20250514', 'claude-sonnet-4-5@2025-09-29'],
    ['claude-sonnet-4-20250514', 'claude-sonnet-4@2025-05-22'],
    ['claude-sonnet-4-0', 'claude-sonnet-4@2025-05-22'],
    ['claude-opus-4-1-20250805', 'claude-opus-4-1@2025-08-05'],
    ['claude-opus-4-20250514', 'claude-opus-4@2025-05-22'],
    ['claude-sonnet-5-5-20261001', 'claude-sonnet-5-5@2026-10-07'],
    ['claude-sonnet-5', 'claude-sonnet-5@2026-06-30'],
    ['claude-mythos-5-1', 'claude-fable-5-1@2026-09-01'],
    ['claude-3-7-sonnet-20250219', 'claude-3-7-sonnet@2025-02-24'],
    ['claude-3-5-haiku-latest', 'claude-3-5-haiku@2024-11-04'],
    ['claude-2.1', 'claude-2.1@2023-11-21'],
    ['claude-2', 'claude-2.0@2023-07-11'],
  ])('resolves %s to the row %s', (model, entryId) => {
    const resolved = resolve(model);

    expect(resolved.entryId).toBe(entryId);
    expect(resolved.fallback).toBe(false);
  });

  it('never lands a dated Sonnet 5.5 id on Sonnet 5', () => {
    expect(resolve('claude-sonnet-5-5-20261001').entry.id).toBe('claude-sonnet-5-5');
  });

  it('lands a dated Opus 4.1 id on Opus 4.1, not on Opus 4', () => {
    expect(resolve('claude-opus-4-1-20250805').entry.id).toBe('claude-opus-4-1');
  });

  it('lands a dated Sonnet 4 id on Sonnet 4 even though Sonnet 4.5 shares its start', () => {
    expect(resolve('claude-sonnet-4-20250514').entry.id).toBe('claude-sonnet-4');
  });

  it('treats a prefix followed by a letter or digit as a different model', () => {
    expect(resolve('claude-sonnet-45').fallback).toBe(true);
    expect(resolve('claude-haiku-4-5x').fallback).toBe(true);
  });

  it('treats an unlisted minor version as unknown rather than as its older neighbour', () => {
    // claude-sonnet-4-7 is not Sonnet 4; claude-opus-5-6 is not Opus 5
    expect(resolve('claude-sonnet-4-7').fallback).toBe(true);
    expect(resolve('claude-opus-5-6-20270101').fallback).toBe(true);
  });

  it('picks the row in force on the UTC date, switching at midnight UTC', () => {
    const before = resolve('claude-sonnet-5-5', new Date('2026-10-06T23:59:59.999Z'));
    const midnight = resolve('claude-sonnet-5-5', new Date('2026-10-07T00:00:00Z'));

    expect(before.entryId).toBe('claude-sonnet-5-5@2026-09-28');
    expect(before.entry.rates.cacheRead.toString()).toBe('0.2');
    expect(midnight.entryId).toBe('claude-sonnet-5-5@2026-10-07');
    expect(midnight.entry.rates.cacheRead.toString()).toBe('0.1');
  });

  it('uses the earliest row for a request dated before the first row', () => {
    const early = resolve('claude-sonnet-5-5', new Date('2026-01-01T00:00:00Z'));

    expect(early.entryId).toBe('claude-sonnet-5-5@2026-09-28');
  });

  it('prices an unknown model at the most expensive model still served, marked fallback', () => {
    // Fable 5 and 5.1 tie on output 50 and input 10; Fable 5 is dearer on cache reads (1 > 0.25).
    // Retired Opus 4.1 ($75 output) is not a candidate.
    const resolved = resolve('gpt-5');

    expect(resolved.fallback).toBe(true);
    expect(resolved.entryId).toBe('fallback:claude-fable-5@2026-06-09');
  });

  it('logs each unknown model name once per table', () => {
    const logger = { warn: vi.fn() };
    const table = loadPriceTable({ logger });

    resolvePrice({ table, model: 'claude-nova-1', at });
    resolvePrice({ table, model: 'claude-nova-1', at });
    resolvePrice({ table, model: 'claude-nova-2', at });
    resolvePrice({ table, model: 'claude-haiku-4-5', at });

    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(table.loggedUnknownModels).toEqual(new Set(['claude-nova-1', 'claude-nova-2']));
  });

  it('logs again on a new table', () => {
    const logger = { warn: vi.fn() };

    resolvePrice({ table: loadPriceTable({ logger }), model: 'claude-nova-1', at });
    resolvePrice({ table: loadPriceTable({ logger }), model: 'claude-nova-1', at });

    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('rejects an invalid date', () => {
    expect(() => resolve('claude-haiku-4-5', new Date('not a date'))).toThrow(RangeError);
  });
});
