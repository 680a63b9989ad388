import { checkUserBudget, formatCost, setUserBudget } from '@analyst/core';
import type { Command } from 'commander';

import { parseBudget } from '../args.ts';
import { withDatabase, type CliContext } from '../context.ts';
import { requireSubcommand } from '../subcommands.ts';
import { requireUser } from '../users.ts';

export function registerBudget(program: Command, context: CliContext): void {
  const budget = program.command('budget').description("a user's monthly spending limit");
  budget
    .command('set')
    .description('set a user\'s monthly limit in USD, or "default" for the configured default')
    .argument('<email>', 'the user')
    .argument('<usd>', 'the limit, such as 25 or 0.50, or "default"', parseBudget)
    .action(async (email: string, limitUsd: string | null) => {
      await withDatabase(context, (deps) => setUserBudget({ deps, email, limitUsd }));

      const fallback = `the default, ${context.env.ANALYST_DEFAULT_MONTHLY_BUDGET_USD} USD`;
      context.print(`${email}: monthly limit ${limitUsd === null ? fallback : `${limitUsd} USD`}`);
    });

  budget
    .command('show')
    .description("a user's limit, what is spent and held this month, and when it resets")
    .argument('<email>', 'the user')
    .action(async (email: string) => {
      const { user, status } = await withDatabase(context, async (deps) => {
        const found = await requireUser(deps.db, email);
        return { user: found, status: await checkUserBudget({ deps, userId: found.id }) };
      });

      const source = user.monthlyBudgetUsd === null ? ' (the default)' : '';
      context.print(`user       ${email}`);
      context.print(`limit      ${formatCost(status.limit)} USD${source}`);
      context.print(`spent      ${formatCost(status.spent)} USD`);
      context.print(`reserved   ${formatCost(status.reserved)} USD`);
      context.print(`remaining  ${formatCost(status.remaining)} USD`);
      context.print(`allowed    ${status.allowed ? 'yes' : 'no, the limit is reached'}`);
      context.print(`resets at  ${status.resetsAt.toISOString()}`);
    });

  requireSubcommand(budget);
}
