import Decimal from 'decimal.js';

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
  byDay: (UsageGroup & { date: string })[];
}

/** Another month's budget, judged on its own spend against today's limit; nothing is held. */
function closedMonthBudget(limit: Decimal, spent: Decimal, end: Date): BudgetStatus {
  return {
    allowed: spent.lt(limit),
    spent,
    reserved: toDecimal(0),
    limit,
    remaining: Decimal.max(0, limit.minus(spent)),
    resetsAt: end,
  };
}

type DailyRow = {
  day: Date;
  model: string;
  kind: string;
  cost: { toString(): string };
  requests: number;
  inputTokens: bigint;
  outputTokens: bigint;
  cacheCreationInputTokens: bigint;
  cacheReadInputTokens: bigint;
};

function addTo<K extends string>(
  groups: Map<string, UsageGroup & Record<K, string>>,
  field: K,
  key: string,
  row: DailyRow,
) {
  const group =
    groups.get(key) ??
    ({
      [field]: key,
      cost: toDecimal(0),
      requests: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    } as UsageGroup & Record<K, string>);
  group.cost = group.cost.plus(toDecimal(row.cost));
  group.requests += row.requests;
  group.inputTokens += Number(row.inputTokens);
  group.outputTokens += Number(row.outputTokens);
  group.cacheCreationInputTokens += Number(row.cacheCreationInputTokens);
  group.cacheReadInputTokens += Number(row.cacheReadInputTokens);
  groups.set(key, group);
}

/**
 * The month's totals come from its running-total row and the breakdowns from the daily roll-up,
 * so the report reads at most days x models x kinds rows, however long the ledger grows.
 */
export async function getMonthlyUsage(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'> & {
    settings: Pick<CoreSettings, 'defaultMonthlyBudgetUsd'>;
  };
  userId: string;
  month?: string | undefined;
}): Promise<MonthlyUsage> {
  const { db, clock } = options.deps;
  const month = resolveMonth(options.month, clock.now());

  const [totals, days, budget] = await Promise.all([
    db.monthlySpend.findUnique({
      where: { userId_monthStart: { userId: options.userId, monthStart: month.start } },
    }),
    db.dailyUsage.findMany({
      where: { userId: options.userId, day: { gte: month.start, lt: month.end } },
      orderBy: [{ day: 'asc' }, { model: 'asc' }, { kind: 'asc' }],
    }),
    checkUserBudget({ deps: options.deps, userId: options.userId }),
  ]);

  const byModel = new Map<string, UsageGroup & { model: string }>();
  const byKind = new Map<string, UsageGroup & { kind: string }>();
  const byDay = new Map<string, UsageGroup & { date: string }>();
  for (const row of days) {
    addTo(byModel, 'model', row.model, row);
    addTo(byKind, 'kind', row.kind, row);
    addTo(byDay, 'date', row.day.toISOString().slice(0, 10), row);
  }
  const isCurrent = monthOf(clock.now()).key === month.key;
  const sorted = <T>(groups: Map<string, T>) =>
    [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);

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
      : closedMonthBudget(budget.limit, toDecimal(totals?.totalCost), month.end),
    byModel: sorted(byModel),
    byKind: sorted(byKind),
    byDay: sorted(byDay),
  };
}
