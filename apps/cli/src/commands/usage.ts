import { formatCost, listMonthDailyUsage } from '@analyst/core';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';

import { parseMonthKey } from '../args.ts';
import { withDatabase, type CliContext } from '../context.ts';
import { renderTable } from '../table.ts';
import { groupUsage, type UsageGroup } from '../usage-groups.ts';
import { requireUser } from '../users.ts';

interface UsageOptions {
  month?: string;
  user?: string;
  csv?: boolean;
}

const COLUMNS = [
  { header: 'user', csv: 'user_email', align: 'left' },
  { header: 'model', csv: 'model', align: 'left' },
  { header: 'requests', csv: 'requests', align: 'right' },
  { header: 'input', csv: 'input_tokens', align: 'right' },
  { header: 'output', csv: 'output_tokens', align: 'right' },
  { header: 'cache writes', csv: 'cache_creation_input_tokens', align: 'right' },
  { header: 'cache reads', csv: 'cache_read_input_tokens', align: 'right' },
  { header: 'cost USD', csv: 'cost_usd', align: 'right' },
] as const;

export function registerUsage(program: Command, context: CliContext): void {
  program
    .command('usage')
    .description('token usage and cost per user and model for a UTC month')
    .option('--month <yyyy-mm>', 'the UTC month (default: this month)', parseMonthKey)
    .option('--user <email>', 'only this user')
    .option('--csv', 'CSV (RFC 4180) instead of a table')
    .action(async (options: UsageOptions) => {
      const { month, rows } = await withDatabase(context, async (deps) => {
        const user =
          options.user === undefined ? undefined : await requireUser(deps.db, options.user);
        return listMonthDailyUsage({ deps, userId: user?.id, month: options.month });
      });

      const { groups, total } = groupUsage(rows);
      if (options.csv) {
        const records = groups.map((group) => cells(group));
        const text = stringify(records, {
          header: true,
          columns: COLUMNS.map((column) => column.csv),
          record_delimiter: 'windows',
        });
        context.write(text);
        return;
      }

      context.print(`Usage in ${month} (UTC)`);
      renderTable(COLUMNS, [...groups.map(cells), cells(total)]).forEach((line) =>
        context.print(line),
      );
    });
}

function cells(group: UsageGroup): string[] {
  return [
    group.email,
    group.model,
    String(group.requests),
    String(group.inputTokens),
    String(group.outputTokens),
    String(group.cacheCreationInputTokens),
    String(group.cacheReadInputTokens),
    formatCost(group.cost),
  ];
}
