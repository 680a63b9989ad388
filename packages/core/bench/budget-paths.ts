import type Decimal from 'decimal.js';

import { reserveBudget } from '../src/budget/reserve-budget.ts';
import { loadUserLimit } from '../src/budget/user-limit.ts';
import type { CoreDeps } from '../src/deps.ts';
import { toDecimal } from '../src/money.ts';
import { monthOf } from '../src/months/utc-month.ts';
import { calculateCost, type Usage } from '../src/pricing/index.ts';
import { trackTokenUsage, type UsageRecord } from '../src/usage/track-token-usage.ts';

export interface PathContext {
  deps: CoreDeps;
  userId: string;
  threadId: string;
  /** The worst case held at admission (the real path only). */
  worstCase: Decimal;
  usage: Usage;
}

/**
 * What a chat turn does around its model call: hold the worst case against the month's running
 * total, then write the ledger row and settle the hold.
 */
export async function admitAndSettle(context: PathContext): Promise<void> {
  const { deps, userId } = context;

  const reservation = await reserveBudget({ deps, userId, amount: context.worstCase });
  await trackTokenUsage({ deps, record: record(context), reservationId: reservation.id });
}

/**
 * The design the running total replaced: sum the month's ledger on every request. Its cost grows
 * with the ledger, which is what this benchmark exists to show.
 */
export async function sumLedgerAndInsert(context: PathContext): Promise<void> {
  const { deps, userId } = context;
  const now = deps.clock.now();
  const month = monthOf(now);
  const entry = record(context);
  const priced = calculateCost({
    table: deps.prices,
    model: entry.model,
    usage: entry.usage,
    at: now,
  });

  // The default 5 s interactive-transaction timeout is shorter than a sum over a large ledger.
  await deps.db.$transaction(
    async (tx) => {
      const spent = await tx.tokenUsage.aggregate({
        where: { userId, createdAt: { gte: month.start, lt: month.end } },
        _sum: { cost: true },
      });
      const limit = await loadUserLimit({
        db: tx,
        userId,
        defaultLimit: deps.settings.defaultMonthlyBudgetUsd,
      });
      if (toDecimal(spent._sum.cost).gte(limit)) throw new Error('Baseline: budget exhausted');

      await tx.tokenUsage.create({
        data: {
          userId,
          threadId: entry.threadId,
          kind: entry.kind,
          model: entry.model,
          inputTokens: entry.usage.inputTokens,
          outputTokens: entry.usage.outputTokens,
          cacheCreationInputTokens: entry.usage.cacheCreationInputTokens,
          cacheReadInputTokens: entry.usage.cacheReadInputTokens,
          cost: priced.cost.toFixed(),
          priceEntry: priced.entryId,
          outcome: entry.outcome,
          endpoint: entry.endpoint,
          createdAt: now,
        },
        select: { id: true },
      });
    },
    { maxWait: 60_000, timeout: 600_000 },
  );
}

function record(context: PathContext): UsageRecord {
  return {
    userId: context.userId,
    threadId: context.threadId,
    messageId: null,
    kind: 'chat',
    model: context.deps.settings.chatModel,
    usage: context.usage,
    endpoint: 'bench',
    outcome: 'complete',
  };
}
