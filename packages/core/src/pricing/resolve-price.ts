import { findFamily } from './family-match.ts';
import type { PriceEntry } from './price-file.ts';
import type { PriceTable } from './price-table.ts';

export type ResolvedPrice = {
  entry: PriceEntry;
  /** Stable name of the row, such as `claude-sonnet-4-5@2025-09-29`, recorded in the ledger. */
  entryId: string;
  fallback: boolean;
};

/**
 * The price row for `model` in force on the UTC date of `at`. An unknown model gets the
 * fallback model's row, marked `fallback` and logged once per model name per table.
 */
export function resolvePrice({
  table,
  model,
  at,
}: {
  table: PriceTable;
  model: string;
  at: Date;
}): ResolvedPrice {
  if (Number.isNaN(at.getTime())) throw new RangeError('resolvePrice: `at` is an invalid Date');
  const day = at.toISOString().slice(0, 10);

  const familyId = findFamily(table.entries, model);
  if (familyId !== undefined) {
    const entry = rowInForce(table.entries, familyId, day);
    return { entry, entryId: entryIdOf(entry), fallback: false };
  }

  const fallbackId = findFamily(table.entries, table.fallbackModel);
  if (fallbackId === undefined) {
    throw new Error(`Fallback model ${table.fallbackModel} matches no entry of the price table`);
  }
  const entry = rowInForce(table.entries, fallbackId, day);
  const entryId = `fallback:${entryIdOf(entry)}`;
  if (!table.loggedUnknownModels.has(model)) {
    table.loggedUnknownModels.add(model);
    table.logger?.warn({ model, entryId }, 'unknown model priced at the fallback rates');
  }

  return { entry, entryId, fallback: true };
}

/** The latest row on or before `day`; before the first row, the first row. */
function rowInForce(entries: readonly PriceEntry[], familyId: string, day: string): PriceEntry {
  const rows = entries
    .filter((entry) => entry.id === familyId)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const inForce = rows.filter((entry) => entry.effectiveFrom <= day).at(-1) ?? rows[0];
  if (inForce === undefined) throw new Error(`No price row for ${familyId}`);

  return inForce;
}

function entryIdOf(entry: PriceEntry): string {
  return `${entry.id}@${entry.effectiveFrom}`;
}
