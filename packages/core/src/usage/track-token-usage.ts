import type Decimal from 'decimal.js';

import type { CoreDeps } from '../deps.ts';
import { monthOf } from '../months/utc-month.ts';
import { calculateCost, type Usage } from '../pricing/index.ts';

export type UsageKind = 'chat' | 'title';
export type UsageOutcome = 'complete' | 'partial' | 'failed';

export interface UsageRecord {
  userId: string;
  threadId: string | null;
  messageId: string | null;
  kind: UsageKind;
  model: string;
  usage: Usage;
  endpoint: string;
  outcome: UsageOutcome;
}

export interface TrackedUsage {
  id: string;
  cost: Decimal;
  priceEntry: string;
}

/**
 * Prices one model call and writes its ledger row, the month's and the day's running totals and
 * the settlement of its reservation in a single transaction: the totals never disagree with the
 * ledger.
 */
export async function trackTokenUsage(options: {
  deps: Pick<CoreDeps, 'db' | 'prices' | 'clock'>;
  record: UsageRecord;
  reservationId?: string | undefined;
}): Promise<TrackedUsage> {
  const { db, prices, clock } = options.deps;
  const { record } = options;
  const now = clock.now();
  const month = monthOf(now);
  // The UTC calendar day, written as text so no session time zone can move it.
  const day = now.toISOString().slice(0, 10);
  const priced = calculateCost({
    table: prices,
    model: record.model,
    usage: record.usage,
    at: now,
  });
  const cost = priced.cost.toFixed();
  const u = record.usage;
  const split5m = u.cacheCreation5mInputTokens ?? 0;
  const split1h = u.cacheCreation1hInputTokens ?? 0;

  const row = await db.$transaction(async (tx) => {
    const created = await tx.tokenUsage.create({
      data: {
        userId: record.userId,
        threadId: record.threadId,
        messageId: record.messageId,
        kind: record.kind,
        model: record.model,
        inputTokens: u.inputTokens,
        outputTokens: u.outputTokens,
        cacheCreationInputTokens: u.cacheCreationInputTokens,
        cacheCreation5mInputTokens: split5m,
        cacheCreation1hInputTokens: split1h,
        cacheReadInputTokens: u.cacheReadInputTokens,
        cost,
        priceEntry: priced.entryId,
        outcome: record.outcome,
        endpoint: record.endpoint,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.$executeRaw`
      INSERT INTO "MonthlySpend" ("userId", "monthStart", "totalCost", "totalRequests",
        "totalInputTokens", "totalOutputTokens", "totalCacheCreationInputTokens",
        "totalCacheReadInputTokens", "updatedAt")
      VALUES (${record.userId}, ${month.start}, ${cost}::numeric, 1, ${u.inputTokens},
        ${u.outputTokens}, ${u.cacheCreationInputTokens}, ${u.cacheReadInputTokens}, ${now})
      ON CONFLICT ("userId", "monthStart") DO UPDATE SET
        "totalCost" = "MonthlySpend"."totalCost" + EXCLUDED."totalCost",
        "totalRequests" = "MonthlySpend"."totalRequests" + 1,
        "totalInputTokens" = "MonthlySpend"."totalInputTokens" + EXCLUDED."totalInputTokens",
        "totalOutputTokens" = "MonthlySpend"."totalOutputTokens" + EXCLUDED."totalOutputTokens",
        "totalCacheCreationInputTokens" =
          "MonthlySpend"."totalCacheCreationInputTokens" + EXCLUDED."totalCacheCreationInputTokens",
        "totalCacheReadInputTokens" =
          "MonthlySpend"."totalCacheReadInputTokens" + EXCLUDED."totalCacheReadInputTokens",
        "updatedAt" = EXCLUDED."updatedAt"`;
    await tx.$executeRaw`
      INSERT INTO "DailyUsage" ("userId", "day", "model", "kind", "cost", "requests", "inputTokens",
        "outputTokens", "cacheCreationInputTokens", "cacheReadInputTokens")
      VALUES (${record.userId}, ${day}::date, ${record.model}, ${record.kind}, ${cost}::numeric, 1,
        ${u.inputTokens}, ${u.outputTokens}, ${u.cacheCreationInputTokens},
        ${u.cacheReadInputTokens})
      ON CONFLICT ("userId", "day", "model", "kind") DO UPDATE SET
        "cost" = "DailyUsage"."cost" + EXCLUDED."cost",
        "requests" = "DailyUsage"."requests" + 1,
        "inputTokens" = "DailyUsage"."inputTokens" + EXCLUDED."inputTokens",
        "outputTokens" = "DailyUsage"."outputTokens" + EXCLUDED."outputTokens",
        "cacheCreationInputTokens" =
          "DailyUsage"."cacheCreationInputTokens" + EXCLUDED."cacheCreationInputTokens",
        "cacheReadInputTokens" =
          "DailyUsage"."cacheReadInputTokens" + EXCLUDED."cacheReadInputTokens"`;
    if (options.reservationId !== undefined) {
      await tx.budgetReservation.deleteMany({ where: { id: options.reservationId } });
    }
    return created;
  });

  return { id: row.id, cost: priced.cost, priceEntry: priced.entryId };
}
