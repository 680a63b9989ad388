import { formatCost, resolvePrice, type PriceEntry, type Rates } from '@analyst/core';
import type { Command } from 'commander';

import { parseDay } from '../args.ts';
import { loadPrices, type CliContext } from '../context.ts';
import { renderTable } from '../table.ts';

const RATE_COLUMNS: { header: string; rate: keyof Rates }[] = [
  { header: 'input', rate: 'input' },
  { header: 'write 5m', rate: 'cacheWrite5m' },
  { header: 'write 1h', rate: 'cacheWrite1h' },
  { header: 'read', rate: 'cacheRead' },
  { header: 'output', rate: 'output' },
];

export function registerPrices(program: Command, context: CliContext): void {
  program
    .command('prices')
    .description('the price table in force, in USD per million tokens')
    .option(
      '--at <date>',
      'the rows in force on this UTC date, YYYY-MM-DD (default: today)',
      parseDay,
    )
    .action((options: { at?: Date }) => {
      const at = options.at ?? new Date();
      const table = loadPrices(context.env);

      // Each family once, in the file's order, at the row resolvePrice would charge on that day.
      const families = [...new Set(table.entries.map((entry) => entry.id))];
      const day = at.toISOString().slice(0, 10);
      const rows = families.map((id) =>
        describeRow(resolvePrice({ table, model: id, at }).entry, day),
      );

      context.print(`Prices in force on ${day}, USD per million tokens.`);
      renderTable(
        [
          { header: 'family', align: 'left' },
          { header: 'aliases', align: 'left' },
          { header: 'from', align: 'left' },
          ...RATE_COLUMNS.map((column) => ({ header: column.header, align: 'right' as const })),
          { header: 'long prompt', align: 'left' },
        ],
        rows,
      ).forEach((line) => context.print(line));
      context.print(`Unknown models are priced as ${table.fallbackModel}.`);
      if (rows.some((row) => (row[2] ?? '') > day)) {
        context.print(
          `A row dated after ${day} is a model's first price, charged for earlier days too.`,
        );
      }
    });
}

function describeRow(entry: PriceEntry, day: string): string[] {
  const tier = entry.longContext;
  const longPrompt =
    tier === undefined
      ? ''
      : `over ${String(tier.threshold)}: ` +
        RATE_COLUMNS.map((column) => formatCost(tier.rates[column.rate])).join(' / ');

  return [
    entry.id + (entry.retiredOn !== undefined && entry.retiredOn <= day ? ' (retired)' : ''),
    entry.aliases.join(', '),
    entry.effectiveFrom,
    ...RATE_COLUMNS.map((column) => formatCost(entry.rates[column.rate])),
    longPrompt,
  ];
}
