import Decimal from 'decimal.js';

import type { CoreDeps, CoreSettings } from '../deps.ts';
import { toDecimal } from '../money.ts';
import { monthOf } from '../months/utc-month.ts';
import { loadUserLimit } from './user-limit.ts';

export interface BudgetStatus {
  allowed: boolean;
  spent: Decimal;
  /** Held by requests in flight. */
  reserved: Decimal;
  limit: Decimal;
  remaining: Decimal;
  resetsAt: Date;
}

/** Reads one row for the month's spend, never the ledger. */
export async function checkUserBudget(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'> & {
    settings: Pick<CoreSettings, 'defaultMonthlyBudgetUsd'>;
  };
  userId: string;
}): Promise<BudgetStatus> {
  const { db, clock, settings } = options.deps;
  const now = clock.now();
  const month = monthOf(now);

  const [limit, spendRow, held] = await Promise.all([
    loadUserLimit({ db, userId: options.userId, defaultLimit: settings.defaultMonthlyBudgetUsd }),
    db.monthlySpend.findUnique({
      where: { userId_monthStart: { userId: options.userId, monthStart: month.start } },
      select: { totalCost: true },
    }),
    db.budgetReservation.aggregate({
      where: { userId: options.userId, expiresAt: { gt: now } },
      _sum: { amount: true },
    }),
  ]);

  const spent = toDecimal(spendRow?.totalCost);
  const reserved = toDecimal(held._sum.amount);
  const committed = spent.plus(reserved);
  return {
    allowed: committed.lt(limit),
    spent,
    reserved,
    limit,
    remaining: Decimal.max(0, limit.minus(committed)),
    resetsAt: month.end,
  };
}
