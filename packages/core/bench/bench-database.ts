import { performance } from 'node:perf_hooks';

import type { Database, DatabaseKind, PrismaClient } from '@analyst/db';
import { openTestDatabase } from '@analyst/db/testing';

import type { UtcMonth } from '../src/months/utc-month.ts';

/** Rows per INSERT ... SELECT, so no single statement holds a million rows in one transaction. */
const SEED_BATCH = 100_000;

export interface BenchDatabase {
  database: Database;
  userId: string;
  threadId: string;
}

/** The ledger row every seeded row copies: one priced chat call. */
export interface SeedRow {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cost: string;
  priceEntry: string;
}

/** A fresh, migrated database (PGlite in memory, or a PostgreSQL database dropped on close). */
export async function openBenchDatabase(
  kind: DatabaseKind,
  postgresUrl: string | undefined,
): Promise<BenchDatabase> {
  const database = await openTestDatabase(
    kind,
    postgresUrl === undefined ? {} : { baseUrl: postgresUrl },
  );
  const prisma = database.prisma;

  const user = await prisma.user.create({
    data: { id: 'bench-user', name: 'Bench', email: 'bench@example.com' },
  });
  const project = await prisma.project.create({ data: { userId: user.id, name: 'Bench' } });
  const thread = await prisma.thread.create({
    data: { projectId: project.id, userId: user.id, title: 'Bench' },
  });
  return { database, userId: user.id, threadId: thread.id };
}

/**
 * Adds ledger rows until the user has `target` in the month, spread between the month's start
 * and `now`, then rebuilds the running total from the ledger (rows the baseline wrote have no
 * running total of their own), refreshes statistics as autovacuum would after a bulk load, and
 * checkpoints.
 * Returns the seconds spent.
 */
export async function growLedger(options: {
  bench: BenchDatabase;
  target: number;
  month: UtcMonth;
  now: Date;
  row: SeedRow;
}): Promise<number> {
  const { bench, month, now, row } = options;
  const prisma = bench.database.prisma;
  const started = performance.now();

  const current = await countMonthRows(prisma, bench.userId, month);
  for (let added = current; added < options.target; added += SEED_BATCH) {
    const rows = Math.min(SEED_BATCH, options.target - added);
    await prisma.$executeRawUnsafe(
      `INSERT INTO "TokenUsage" ("id", "userId", "threadId", "kind", "model", "inputTokens",
         "outputTokens", "cacheCreationInputTokens", "cacheReadInputTokens", "cost", "priceEntry",
         "outcome", "endpoint", "createdAt")
       SELECT gen_random_uuid()::text, $1, $2, 'chat', $3, $4, $5, 0, 0, $6::numeric, $7,
         'complete', 'bench', $8::timestamp + random() * ($9::timestamp - $8::timestamp)
       FROM generate_series(1, $10::int)`,
      bench.userId,
      bench.threadId,
      row.model,
      row.inputTokens,
      row.outputTokens,
      row.cost,
      row.priceEntry,
      month.start.toISOString(),
      now.toISOString(),
      rows,
    );
  }
  await syncMonthlySpend(prisma, bench.userId, month);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "TokenUsage"`);
  // Writes the bulk load out now, so its checkpoint does not land inside the timed iterations.
  await prisma.$executeRawUnsafe('CHECKPOINT');

  return (performance.now() - started) / 1000;
}

/** Throws unless the running total agrees with the ledger: the real path kept them in step. */
export async function checkConsistent(
  bench: BenchDatabase,
  month: UtcMonth,
): Promise<{ rows: number }> {
  const [row] = await bench.database.prisma.$queryRawUnsafe<
    { ledger: string; running: string | null; rows: bigint; requests: number | null }[]
  >(
    `SELECT (SELECT SUM("cost")::text FROM "TokenUsage" t
               WHERE t."userId" = $1 AND t."createdAt" >= $2::timestamp
                 AND t."createdAt" < $3::timestamp) AS ledger,
            (SELECT COUNT(*) FROM "TokenUsage" t
               WHERE t."userId" = $1 AND t."createdAt" >= $2::timestamp
                 AND t."createdAt" < $3::timestamp) AS rows,
            m."totalCost"::text AS running, m."totalRequests" AS requests
     FROM (SELECT 1) one
     LEFT JOIN "MonthlySpend" m ON m."userId" = $1 AND m."monthStart" = $2::timestamp`,
    bench.userId,
    month.start.toISOString(),
    month.end.toISOString(),
  );
  const rows = Number(row?.rows ?? 0);
  if (row?.running !== row?.ledger || row?.requests !== rows) {
    throw new Error(
      `MonthlySpend disagrees with the ledger: running ${String(row?.running)} over ` +
        `${String(row?.requests)} requests, ledger ${String(row?.ledger)} over ${String(rows)}`,
    );
  }
  return { rows };
}

async function countMonthRows(prisma: PrismaClient, userId: string, month: UtcMonth) {
  return prisma.tokenUsage.count({
    where: { userId, createdAt: { gte: month.start, lt: month.end } },
  });
}

async function syncMonthlySpend(prisma: PrismaClient, userId: string, month: UtcMonth) {
  await prisma.$executeRawUnsafe(
    `INSERT INTO "MonthlySpend" ("userId", "monthStart", "totalCost", "totalRequests",
       "totalInputTokens", "totalOutputTokens", "totalCacheCreationInputTokens",
       "totalCacheReadInputTokens", "updatedAt")
     SELECT $1, $2::timestamp, COALESCE(SUM("cost"), 0), COUNT(*),
       COALESCE(SUM("inputTokens"), 0), COALESCE(SUM("outputTokens"), 0),
       COALESCE(SUM("cacheCreationInputTokens"), 0), COALESCE(SUM("cacheReadInputTokens"), 0),
       now()
     FROM "TokenUsage"
     WHERE "userId" = $1 AND "createdAt" >= $2::timestamp AND "createdAt" < $3::timestamp
     ON CONFLICT ("userId", "monthStart") DO UPDATE SET
       "totalCost" = EXCLUDED."totalCost",
       "totalRequests" = EXCLUDED."totalRequests",
       "totalInputTokens" = EXCLUDED."totalInputTokens",
       "totalOutputTokens" = EXCLUDED."totalOutputTokens",
       "totalCacheCreationInputTokens" = EXCLUDED."totalCacheCreationInputTokens",
       "totalCacheReadInputTokens" = EXCLUDED."totalCacheReadInputTokens",
       "updatedAt" = EXCLUDED."updatedAt"`,
    userId,
    month.start.toISOString(),
    month.end.toISOString(),
  );
}
