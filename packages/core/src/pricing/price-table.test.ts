import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { calculateCost } from './calculate-cost.ts';
import { formatCost } from './format-cost.ts';
import { loadPriceTable } from './price-table.ts';

const at = new Date('2026-12-15T12:00:00Z');
const rates = {
  input: '1',
  cacheWrite5m: '1.25',
  cacheWrite1h: '2',
  cacheRead: '0.10',
  output: '5',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'analyst-prices-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function extraFile(content: unknown): string {
  const path = join(dir, 'extra-prices.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function priceFile(entries: unknown[]) {
  return { version: 'test', currency: 'USD', unit: 'per_million_tokens', entries };
}

function costOf(
  table: ReturnType<typeof loadPriceTable>,
  model: string,
  input: number,
  output: number,
) {
  const usage = {
    inputTokens: input,
    outputTokens: output,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
  };
  return calculateCost({ table, model, usage, at });
}

describe('loadPriceTable', () => {
  it('loads the bundled price file with the most expensive served model as fallback', () => {
    const table = loadPriceTable();

    expect(table.fallbackModel).toBe('claude-fable-5');
    expect(table.entries.some((entry) => entry.id === 'claude-haiku-5-5')).toBe(true);
  });

  it('adds a model from an extra price file', () => {
    // 1,000 x 1 = 0.001; 1,000 x 5 = 0.005; total 0.006
    const table = loadPriceTable({
      extraFile: extraFile(
        priceFile([{ id: 'claude-nova-1', effectiveFrom: '2026-12-01', rates }]),
      ),
    });
    const result = costOf(table, 'claude-nova-1-20261201', 1000, 1000);

    expect(formatCost(result.cost)).toBe('0.006');
    expect(result.fallback).toBe(false);
    expect(result.entryId).toBe('claude-nova-1@2026-12-01');
  });

  it('overrides a rate with a row of the same id and effectiveFrom', () => {
    // Haiku 4.5 output raised from 5 to 6: 300 x 6 / 1M = 0.0018 (was 0.0015)
    const table = loadPriceTable({
      extraFile: extraFile(
        priceFile([
          { id: 'claude-haiku-4-5', effectiveFrom: '2025-10-15', rates: { ...rates, output: '6' } },
        ]),
      ),
    });

    expect(formatCost(costOf(table, 'claude-haiku-4-5', 0, 300).cost)).toBe('0.0018');
    expect(table.entries.filter((entry) => entry.id === 'claude-haiku-4-5')).toHaveLength(1);
  });

  it('adds a later row for a known model that applies from its date only', () => {
    // Haiku 4.5 output 6 from 2027-01-01: 300 x 5 = 0.0015 before, 300 x 6 = 0.0018 after
    const table = loadPriceTable({
      extraFile: extraFile(
        priceFile([
          { id: 'claude-haiku-4-5', effectiveFrom: '2027-01-01', rates: { ...rates, output: '6' } },
        ]),
      ),
    });
    const usage = {
      inputTokens: 0,
      outputTokens: 300,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    };
    const model = 'claude-haiku-4-5';
    const before = calculateCost({ table, model, usage, at });
    const after = calculateCost({ table, model, usage, at: new Date('2027-01-01T00:00:00Z') });

    expect(formatCost(before.cost)).toBe('0.0015');
    expect(formatCost(after.cost)).toBe('0.0018');
    expect(after.entryId).toBe('claude-haiku-4-5@2027-01-01');
  });

  it('uses a configured fallback model', () => {
    // Unknown model at Haiku 4.5 rates: 1,000 x 1 + 1,000 x 5 = 0.006
    const table = loadPriceTable({ fallbackModel: 'claude-haiku-4-5-20251001' });
    const result = costOf(table, 'claude-nova-1', 1000, 1000);

    expect(formatCost(result.cost)).toBe('0.006');
    expect(result.entryId).toBe('fallback:claude-haiku-4-5@2025-10-15');
  });

  it('rejects a fallback model the table does not know', () => {
    expect(() => loadPriceTable({ fallbackModel: 'gpt-5' })).toThrow(
      'Fallback model gpt-5 matches no entry of the price table',
    );
  });

  it('names the file and the field of a malformed rate', () => {
    const path = extraFile(
      priceFile([
        { id: 'claude-nova-1', effectiveFrom: '2026-12-01', rates: { ...rates, output: '5,00' } },
      ]),
    );

    expect(() => loadPriceTable({ extraFile: path })).toThrow(
      `Invalid price file ${path}: entries[0].rates.output: expected a decimal string such as "3.75"`,
    );
  });

  it('names the file and every bad field of an entry', () => {
    const path = extraFile(
      priceFile([
        { id: 'claude-nova-1', effectiveFrom: '2026-13-01', rates: { ...rates, cacheRead: 0.1 } },
      ]),
    );

    expect(() => loadPriceTable({ extraFile: path })).toThrow(
      /entries\[0\]\.effectiveFrom: expected a date as YYYY-MM-DD; entries\[0\]\.rates\.cacheRead: /,
    );
  });

  it('rejects an extra file in another unit or with a misspelt field', () => {
    const perThousand = extraFile({ ...priceFile([]), unit: 'per_thousand_tokens' });
    expect(() => loadPriceTable({ extraFile: perThousand })).toThrow(
      /Invalid price file .*: unit:/,
    );

    const misspelt = extraFile(
      priceFile([{ id: 'claude-nova-1', effectiveFrom: '2026-12-01', rates, longcontext: {} }]),
    );
    expect(() => loadPriceTable({ extraFile: misspelt })).toThrow(/entries\[0\]: .*longcontext/);
  });

  it('rejects an extra file that is not JSON', () => {
    const path = extraFile('{ "version": ');

    expect(() => loadPriceTable({ extraFile: path })).toThrow(
      `Invalid price file ${path}: not valid JSON`,
    );
  });

  it('rejects an extra file that cannot be read', () => {
    const path = join(dir, 'missing.json');

    expect(() => loadPriceTable({ extraFile: path })).toThrow(`Cannot read price file ${path}`);
  });

  it('rejects two rows for the same id and date in one file', () => {
    const row = { id: 'claude-nova-1', effectiveFrom: '2026-12-01', rates };
    const path = extraFile(priceFile([row, row]));

    expect(() => loadPriceTable({ extraFile: path })).toThrow(
      'entries[1]: a second row for claude-nova-1@2026-12-01',
    );
  });

  it('rejects an alias that already names another model', () => {
    const path = extraFile(
      priceFile([
        { id: 'claude-nova-1', aliases: ['claude-sonnet-5'], effectiveFrom: '2026-12-01', rates },
      ]),
    );

    expect(() => loadPriceTable({ extraFile: path })).toThrow(
      'Price table alias claude-sonnet-5 of claude-nova-1 already names claude-sonnet-5',
    );
  });
});
