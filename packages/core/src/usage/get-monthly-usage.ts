import type Decimal from 'decimal.js';

import { checkUserBudget, type BudgetStatus } from '../budget/check-user-budget.ts';
import type { CoreDeps, CoreSettings } from '../deps.ts';
import { toDecimal } from '../money.ts';
import { monthOf, resolveMonth } from '../months/utc-month.ts';

export interface UsageGroup {
  cost: Decimal;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export interface MonthlyUsage {
  month: string;
  monthStart: Date;
  totalCost: Decimal;
  totalRequests: number;
  totalInputTokens: number;
  totalOutputTokens: number;
  totalCacheCreationInputTokens: number;
  totalCacheReadInputTokens: number;
  /** The limit in force; spent and remaining are this month's (the current month only). */
  budget: BudgetStatus;
  byModel: (UsageGroup & { model: string })[];
  byKind: (UsageGroup & { kind: string })[];
  byDay: { date: string; cost: Decimal; requests: number }[];
}

/** The month's totals come from the running-total row; the breakdowns from the month's ledger. */
export async function getMonthlyUsage(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'> & {
    settings: Pick<CoreSettings, 'defaultMonthlyBudgetUsd'>;
  };
  userId: string;
  month?: string | undefined;
}): Promise<MonthlyUsage> {
  const { db, clock } = options.deps;
  const month = resolveMonth(options.month, clock.now());
  const inMonth = { userId: options.userId, createdAt: { gte: month.start, lt: month.end } };
  const sums = {
    _sum: {
      cost: true,
      inputTokens: true,
      outputTokens: true,
      cacheCreationInputTokens: true,
      cacheReadInputTokens: true,
    },
    _count: { _all: true },
  } as const;

  const [totals, models, kinds, days, budget] = await Promise.all([
    db.monthlySpend.findUnique({
      where: { userId_monthStart: { userId: options.userId, monthStart: month.start } },
    }),
    db.tokenUsage.groupBy({ by: ['model'], where: inMonth, ...sums, orderBy: { model: 'asc' } }),
    db.tokenUsage.groupBy({ by: ['kind'], where: inMonth, ...sums, orderBy: { kind: 'asc' } }),
    db.$queryRaw<{ day: string; cost: { toString(): string }; requests: bigint }[]>`
      SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS day,
             SUM("cost") AS cost, COUNT(*) AS requests
      FROM "TokenUsage"
      WHERE "userId" = ${options.userId}
        AND "createdAt" >= ${month.start} AND "createdAt" < ${month.end}
      GROUP BY 1 ORDER BY 1`,
    checkUserBudget({ deps: options.deps, userId: options.userId }),
  ]);

  const group = (row: (typeof models)[number] | (typeof kinds)[number]): UsageGroup => ({
    cost: toDecimal(row._sum.cost),
    requests: row._count._all,
    inputTokens: row._sum.inputTokens ?? 0,
    outputTokens: row._sum.outputTokens ?? 0,
    cacheCreationInputTokens: row._sum.cacheCreationInputTokens ?? 0,
    cacheReadInputTokens: row._sum.cacheReadInputTokens ?? 0,
  });
  const isCurrent = monthOf(clock.now()).key === month.key;

  return {
    month: month.key,
    monthStart: month.start,
    totalCost: toDecimal(totals?.totalCost),
    totalRequests: totals?.totalRequests ?? 0,
    totalInputTokens: Number(totals?.totalInputTokens ?? 0),
    totalOutputTokens: Number(totals?.totalOutputTokens ?? 0),
    totalCacheCreationInputTokens: Number(totals?.totalCacheCreationInputTokens ?? 0),
    totalCacheReadInputTokens: Number(totals?.totalCacheReadInputTokens ?? 0),
    budget: isCurrent
      ? budget
      : {
          ...budget,
          spent: toDecimal(totals?.totalCost),
          reserved: toDecimal(0),
          resetsAt: month.end,
        },
    byModel: models.map((row) => ({ model: row.model, ...group(row) })),
    byKind: kinds.map((row) => ({ kind: row.kind, ...group(row) })),
    byDay: days.map((row) => ({
      date: row.day,
      cost: toDecimal(row.cost),
      requests: Number(row.requests),
    })),
  };
}
