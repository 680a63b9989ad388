import { loadPriceTable, systemClock, type CoreDeps, type PriceTable } from '@analyst/core';
import type { Database } from '@analyst/db';
import Decimal from 'decimal.js';
import type { Logger } from 'pino';

import type { Env } from './env.ts';

/** What every command is given: the settings, a logger on stderr, and a writer for stdout. */
export interface CliContext {
  env: Env;
  logger: Logger;
  /** One line to stdout. */
  print(line: string): void;
  /** Text to stdout as it is (CSV brings its own line ends). */
  write(text: string): void;
  /** One line for the person on stderr, kept out of what a script reads. */
  note(line: string): void;
}

/** The price table; without a logger, an unknown model is left for the caller to report. */
export function loadPrices(env: Env, logger?: Logger): PriceTable {
  return loadPriceTable({
    extraFile: env.ANALYST_PRICES_FILE,
    fallbackModel: env.ANALYST_FALLBACK_MODEL,
    ...(logger && { logger }),
  });
}

/**
 * Opens the database (applying any pending migration), runs `work` with the services' deps, and
 * always closes it again: an open PGlite would keep the process alive.
 */
export async function withDatabase<T>(
  context: CliContext,
  work: (deps: CoreDeps, database: Database) => Promise<T>,
): Promise<T> {
  const { env, logger } = context;
  // Loaded here, not at the top, so that `analyst cost` does not pay for the database driver.
  const { openDatabase } = await import('@analyst/db');
  const database = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolSize: 2,
  });
  logger.debug(
    { database: database.kind, location: database.location, applied: database.migrations.applied },
    'database ready',
  );

  try {
    const deps: CoreDeps = {
      db: database.prisma,
      prices: loadPrices(env, logger),
      clock: systemClock,
      logger,
      settings: {
        defaultMonthlyBudgetUsd: new Decimal(env.ANALYST_DEFAULT_MONTHLY_BUDGET_USD),
        // The services this command calls read only the default budget; the rest are the
        // server's defaults, given because the settings type asks for all of them.
        chatModel: 'claude-sonnet-4-5',
        titleModel: 'claude-haiku-4-5',
        titleInterval: 5,
        maxOutputTokens: 4096,
        reservationTtlMs: 600_000,
        upstreamIdleTimeoutMs: 60_000,
      },
    };
    return await work(deps, database);
  } finally {
    await database.close();
  }
}
