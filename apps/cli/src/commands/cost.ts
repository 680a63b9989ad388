import {
  calculateCost,
  formatCost,
  resolvePrice,
  type PriceTable,
  type Rates,
  type Usage,
} from '@analyst/core';
import type { Command } from 'commander';

import { parseCount, parseDay } from '../args.ts';
import { loadPrices, type CliContext } from '../context.ts';
import { UsageError } from '../errors.ts';
import { renderTable } from '../table.ts';

interface CostOptions {
  model: string;
  input: number;
  output: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  at?: Date;
  fallback?: boolean;
  quiet?: boolean;
}

const PARTS: { label: string; rate: keyof Rates; count: (options: CostOptions) => number }[] = [
  { label: 'input', rate: 'input', count: (options) => options.input },
  { label: 'cache write 5m', rate: 'cacheWrite5m', count: (options) => options.cacheWrite5m },
  { label: 'cache write 1h', rate: 'cacheWrite1h', count: (options) => options.cacheWrite1h },
  { label: 'cache read', rate: 'cacheRead', count: (options) => options.cacheRead },
  { label: 'output', rate: 'output', count: (options) => options.output },
];

export function registerCost(program: Command, context: CliContext): void {
  program
    .command('cost')
    .description('what one request costs, in USD (the last line is the plain amount)')
    .requiredOption('--model <id>', 'model id or alias, such as claude-sonnet-4-5')
    .option('--input <n>', 'input tokens', parseCount, 0)
    .option('--output <n>', 'output tokens', parseCount, 0)
    .option('--cache-write-5m <n>', '5-minute cache write tokens', parseCount, 0)
    .option('--cache-write-1h <n>', '1-hour cache write tokens', parseCount, 0)
    .option('--cache-read <n>', 'cache read tokens', parseCount, 0)
    .option('--at <date>', 'price in force on this UTC date, YYYY-MM-DD (default: now)', parseDay)
    .option('--fallback', 'price an unknown model at the fallback rates, as the server does')
    .option('-q, --quiet', 'print only the amount')
    .action((options: CostOptions) => {
      // No logger: an unknown model is refused or marked in the breakdown, not logged as well.
      runCost(options, loadPrices(context.env)).forEach((line) => context.print(line));
    });
}

function runCost(options: CostOptions, table: PriceTable): string[] {
  const at = options.at ?? new Date();
  const usage: Usage = {
    inputTokens: options.input,
    outputTokens: options.output,
    cacheCreationInputTokens: options.cacheWrite5m + options.cacheWrite1h,
    cacheCreation5mInputTokens: options.cacheWrite5m,
    cacheCreation1hInputTokens: options.cacheWrite1h,
    cacheReadInputTokens: options.cacheRead,
  };

  const price = resolvePrice({ table, model: options.model, at });
  if (price.fallback && !options.fallback) {
    throw new UsageError(
      `unknown model "${options.model}": no family in the price table matches it ` +
        '(see `analyst prices`, or pass --fallback to price it as the server would).',
    );
  }
  const priced = calculateCost({ table, model: options.model, usage, at });
  const total = formatCost(priced.cost);
  if (options.quiet) return [total];

  const tier = priced.longContext ? price.entry.longContext : undefined;
  const rates = tier?.rates ?? price.entry.rates;
  const rows = PARTS.filter((part) => part.count(options) > 0).map((part) => {
    const count = part.count(options);
    const rate = rates[part.rate];
    return [part.label, String(count), formatCost(rate), formatCost(rate.times(count).div(1e6))];
  });

  return [
    `model  ${options.model}`,
    `price  ${priced.entryId}, in force on ${at.toISOString().slice(0, 10)}` +
      (priced.fallback ? ' (the fallback for an unknown model)' : ''),
    '',
    ...renderTable(
      [
        { header: 'part', align: 'left' },
        { header: 'tokens', align: 'right' },
        { header: 'USD/M', align: 'right' },
        { header: 'USD', align: 'right' },
      ],
      [...rows, ['total', '', '', total]],
    ),
    '',
    total,
  ];
}
