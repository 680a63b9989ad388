import { formatCost, monthOf, toDecimal } from '@analyst/core';
import type { Command } from 'commander';

import { withDatabase, type CliContext } from '../context.ts';
import { renderTable } from '../table.ts';

export function registerUsers(program: Command, context: CliContext): void {
  program
    .command('users')
    .description('every user with their monthly limit and what they spent this month')
    .action(async () => {
      const month = monthOf(new Date());
      const { users, spends } = await withDatabase(context, async (deps) => ({
        users: await deps.db.user.findMany({ orderBy: { email: 'asc' } }),
        spends: await deps.db.monthlySpend.findMany({ where: { monthStart: month.start } }),
      }));

      const spent = new Map(spends.map((row) => [row.userId, toDecimal(row.totalCost)]));
      const fallback = `${context.env.ANALYST_DEFAULT_MONTHLY_BUDGET_USD} (default)`;
      const rows = users.map((user) => [
        user.email,
        user.name,
        user.monthlyBudgetUsd === null ? fallback : formatCost(toDecimal(user.monthlyBudgetUsd)),
        formatCost(spent.get(user.id) ?? toDecimal(0)),
      ]);
      renderTable(
        [
          { header: 'email', align: 'left' },
          { header: 'name', align: 'left' },
          { header: 'limit USD', align: 'right' },
          { header: `spent ${month.key}`, align: 'right' },
        ],
        rows,
      ).forEach((line) => context.print(line));
    });
}
