-- CreateTable
CREATE TABLE "DailyUsage" (
    "userId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "model" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cost" DECIMAL(24,12) NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheCreationInputTokens" BIGINT NOT NULL DEFAULT 0,
    "cacheReadInputTokens" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DailyUsage_pkey" PRIMARY KEY ("userId","day","model","kind")
);

-- AddForeignKey
ALTER TABLE "DailyUsage" ADD CONSTRAINT "DailyUsage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the days already in the ledger.
INSERT INTO "DailyUsage" ("userId", "day", "model", "kind", "cost", "requests", "inputTokens",
  "outputTokens", "cacheCreationInputTokens", "cacheReadInputTokens")
SELECT "userId", CAST("createdAt" AS DATE), "model", "kind", SUM("cost"), COUNT(*),
  SUM("inputTokens"), SUM("outputTokens"), SUM("cacheCreationInputTokens"),
  SUM("cacheReadInputTokens")
FROM "TokenUsage"
GROUP BY 1, 2, 3, 4;
