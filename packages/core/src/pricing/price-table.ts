import { readFileSync } from 'node:fs';

import { findFamily } from './family-match.ts';
import { parsePriceFile, type PriceEntry, type Rates } from './price-file.ts';
import prices from './prices.json' with { type: 'json' };

export type PricingLogger = { warn(obj: object, msg: string): void };

export type PriceTable = {
  entries: readonly PriceEntry[];
  /** Model name priced whenever a model is unknown; resolves to a family of `entries`. */
  fallbackModel: string;
  logger?: PricingLogger;
  /** Unknown model names already logged, so each is logged once per table. */
  loggedUnknownModels: Set<string>;
};

/**
 * Builds the price table from the bundled prices.json plus an optional extra file in the same
 * format. An extra row with the id and effectiveFrom of a bundled row replaces it; any other
 * extra row is added (a new model, or a new price from a later date).
 */
export function loadPriceTable(
  options: { extraFile?: string; fallbackModel?: string; logger?: PricingLogger } = {},
): PriceTable {
  const bundled = parsePriceFile(prices, 'prices.json').entries;
  const extra = options.extraFile === undefined ? [] : readExtraFile(options.extraFile);

  const entries = mergeEntries(bundled, extra);
  checkAliases(entries);
  const fallbackModel = options.fallbackModel ?? mostExpensiveFamily(entries);
  if (findFamily(entries, fallbackModel) === undefined) {
    throw new Error(`Fallback model ${fallbackModel} matches no entry of the price table`);
  }

  return {
    entries,
    fallbackModel,
    ...(options.logger && { logger: options.logger }),
    loggedUnknownModels: new Set(),
  };
}

function readExtraFile(path: string): readonly PriceEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read price file ${path}`, { cause: error });
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`Invalid price file ${path}: not valid JSON`, { cause: error });
  }

  return parsePriceFile(json, path).entries;
}

function mergeEntries(
  bundled: readonly PriceEntry[],
  extra: readonly PriceEntry[],
): readonly PriceEntry[] {
  const byKey = new Map<string, PriceEntry>();
  for (const entry of [...bundled, ...extra]) {
    byKey.set(`${entry.id}@${entry.effectiveFrom}`, entry);
  }

  return [...byKey.values()];
}

/** An alias naming two families, or naming another family's id, would make prices ambiguous. */
function checkAliases(entries: readonly PriceEntry[]): void {
  const owner = new Map<string, string>(entries.map((entry) => [entry.id, entry.id]));
  for (const entry of entries) {
    for (const alias of entry.aliases) {
      const current = owner.get(alias);
      if (current !== undefined && current !== entry.id) {
        throw new Error(`Price table alias ${alias} of ${entry.id} already names ${current}`);
      }
      owner.set(alias, entry.id);
    }
  }
}

/**
 * The family still served (no `retiredOn`) whose latest row is dearest by output, then input,
 * then the cache rates, so an unknown model is never under-charged. Ties end on the id to keep
 * the choice stable.
 */
function mostExpensiveFamily(entries: readonly PriceEntry[]): string {
  const retired = new Set(entries.filter((entry) => entry.retiredOn).map((entry) => entry.id));
  const latest = new Map<string, PriceEntry>();
  for (const entry of entries) {
    if (retired.has(entry.id)) continue;
    const seen = latest.get(entry.id);
    if (seen === undefined || entry.effectiveFrom > seen.effectiveFrom) latest.set(entry.id, entry);
  }

  const keys: (keyof Rates)[] = ['output', 'input', 'cacheWrite1h', 'cacheWrite5m', 'cacheRead'];
  const sorted = [...latest.values()].sort((a, b) => {
    for (const key of keys) {
      const order = b.rates[key].comparedTo(a.rates[key]);
      if (order !== 0) return order;
    }
    return a.id.localeCompare(b.id);
  });
  const dearest = sorted[0];
  if (dearest === undefined) throw new Error('The price table has no model still served');

  return dearest.id;
}
