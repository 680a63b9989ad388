/**
 * Budget benchmark: the latency of admission plus settlement (reserveBudget, then
 * trackTokenUsage with that reservation) as one user's month grows to 1k, 100k and 1M ledger
 * rows, on PGlite and on PostgreSQL, against a baseline that sums the month's ledger instead.
 *
 *   pnpm bench:budget
 *
 * Prints a Markdown table on stdout and progress on stderr. Exits non-zero on errors only, never
 * on timings. Settings (all optional):
 *   BENCH_ENGINES=pglite,postgres    BENCH_SIZES=1000,100000,1000000
 *   BENCH_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432/test  (a new database is made there)
 *   BENCH_SEED_LIMIT_S=300  a size whose seeding is projected to take longer is skipped
 *
 * The month is the current UTC month; a run that straddles a month's end fails its consistency
 * check and should be run again.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

import type { DatabaseKind } from '@analyst/db';
import Decimal from 'decimal.js';
import pino from 'pino';

import { systemClock } from '../src/clock.ts';
import type { CoreDeps } from '../src/deps.ts';
import { monthOf } from '../src/months/utc-month.ts';
import { calculateCost, loadPriceTable, type Usage } from '../src/pricing/index.ts';
import { checkConsistent, growLedger, openBenchDatabase, type SeedRow } from './bench-database.ts';
import { admitAndSettle, sumLedgerAndInsert, type PathContext } from './budget-paths.ts';
import { renderReport, rowLabel, type EngineNote, type SizeResult } from './report.ts';
import { sample, type SampleOptions } from './sample.ts';

const MODEL = 'claude-sonnet-4-5';
/** One ordinary chat call; every seeded row and every measured call records this. */
const CALL_USAGE: Usage = {
  inputTokens: 1200,
  outputTokens: 400,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};
const REAL: SampleOptions = { warmup: 50, iterations: 200, budgetMs: 60_000, minIterations: 20 };
const BASELINE: SampleOptions = { warmup: 3, iterations: 200, budgetMs: 20_000, minIterations: 20 };

interface Config {
  engines: DatabaseKind[];
  sizes: number[];
  postgresUrl: string | undefined;
  seedLimitSeconds: number;
}

function readConfig(): Config {
  const list = (value: string | undefined, fallback: string) =>
    (value ?? fallback).split(',').map((item) => item.trim());
  const engines = list(process.env.BENCH_ENGINES, 'pglite,postgres');
  for (const engine of engines) {
    if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`Unknown engine ${engine}`);
  }
  const sizes = list(process.env.BENCH_SIZES, '1000,100000,1000000').map(Number);
  if (sizes.some((size) => !Number.isSafeInteger(size) || size < 1)) {
    throw new Error(`BENCH_SIZES must list positive integers, got ${String(sizes)}`);
  }

  return {
    engines: engines as DatabaseKind[],
    sizes: sizes.sort((a, b) => a - b),
    postgresUrl: process.env.BENCH_POSTGRES_URL,
    seedLimitSeconds: Number(process.env.BENCH_SEED_LIMIT_S ?? '300'),
  };
}

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The worst case admission holds for a call, and the ledger row the call leaves. */
function priceCall(deps: Omit<CoreDeps, 'db'>): { worstCase: Decimal; row: SeedRow } {
  const worstCase = calculateCost({
    table: deps.prices,
    model: MODEL,
    usage: { ...CALL_USAGE, inputTokens: 4000, outputTokens: deps.settings.maxOutputTokens },
  }).cost;
  const priced = calculateCost({ table: deps.prices, model: MODEL, usage: CALL_USAGE });
  return {
    worstCase,
    row: {
      model: MODEL,
      inputTokens: CALL_USAGE.inputTokens,
      outputTokens: CALL_USAGE.outputTokens,
      cost: priced.cost.toFixed(),
      priceEntry: priced.entryId,
    },
  };
}

async function runEngine(options: {
  engine: DatabaseKind;
  config: Config;
  deps: Omit<CoreDeps, 'db'>;
  results: SizeResult[];
  notes: EngineNote[];
}): Promise<void> {
  const { engine, config, deps } = options;
  const bench = await openBenchDatabase(engine, config.postgresUrl);
  try {
    const [server] =
      await bench.database.prisma.$queryRawUnsafe<{ server_version: string }[]>(
        'SHOW server_version',
      );
    options.notes.push({
      engine,
      text:
        `PostgreSQL ${server?.server_version ?? '?'}, ` +
        (engine === 'pglite' ? 'in memory.' : `${bench.database.location}, dropped after the run.`),
    });
    const { worstCase, row } = priceCall(deps);
    const context: PathContext = {
      deps: { ...deps, db: bench.database.prisma },
      userId: bench.userId,
      threadId: bench.threadId,
      worstCase,
      usage: CALL_USAGE,
    };
    const month = monthOf(systemClock.now());

    let rowsPerSecond: number | undefined;
    let previous = 0;
    for (const size of config.sizes) {
      const projected = rowsPerSecond === undefined ? 0 : (size - previous) / rowsPerSecond;
      if (projected > config.seedLimitSeconds) {
        const text =
          `${rowLabel(size)} not measured: seeding projected at ${projected.toFixed(0)} s ` +
          `(${rowsPerSecond?.toFixed(0) ?? '?'} rows/s), over BENCH_SEED_LIMIT_S.`;
        options.notes.push({ engine, text });
        progress(`${engine}: ${text}`);
        break;
      }

      progress(`${engine}: growing the ledger to ${rowLabel(size)} rows`);
      const seedSeconds = await growLedger({ bench, target: size, month, now: new Date(), row });
      const { rows } = await checkConsistent(bench, month);
      rowsPerSecond = (size - previous) / seedSeconds;
      previous = rows;
      progress(`${engine}: ${String(rows)} rows after ${seedSeconds.toFixed(1)} s; timing real`);

      const real = await sample(() => admitAndSettle(context), REAL);
      await checkConsistent(bench, month);
      progress(`${engine}: real median ${real.medianMs.toFixed(2)} ms; timing baseline`);
      const baseline = await sample(() => sumLedgerAndInsert(context), BASELINE);
      progress(`${engine}: baseline median ${baseline.medianMs.toFixed(2)} ms`);
      options.results.push({ engine, rows: size, seedSeconds, real, baseline });
    }
  } finally {
    await bench.database.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const config = readConfig();
  const deps: Omit<CoreDeps, 'db'> = {
    clock: systemClock,
    prices: loadPriceTable(),
    logger: pino({ level: 'silent' }),
    settings: {
      chatModel: MODEL,
      titleModel: MODEL,
      defaultMonthlyBudgetUsd: new Decimal('1000000000'),
      titleInterval: 10,
      maxOutputTokens: 8192,
      reservationTtlMs: 600_000,
      upstreamIdleTimeoutMs: 60_000,
    },
  };
  const results: SizeResult[] = [];
  const notes: EngineNote[] = [];

  for (const engine of config.engines) {
    await runEngine({ engine, config, deps, results, notes });
  }

  const minutes = (performance.now() - started) / 60_000;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(
    `${renderReport(results, notes)}\n\n` +
      `Node ${process.version}, ${String(cpus().length)} × ${cpu}; ` +
      `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} ` +
      `at the end; whole run ${minutes.toFixed(1)} min.\n`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
