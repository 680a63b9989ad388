import { performance } from 'node:perf_hooks';

export interface SampleOptions {
  /** Runs before timing starts: fills caches and lets the planner settle. */
  warmup: number;
  iterations: number;
  /** A slow path stops after this long, once it has at least `minIterations`. */
  budgetMs: number;
  minIterations: number;
}

export interface Sample {
  n: number;
  medianMs: number;
  p95Ms: number;
}

/** Times `run` one call at a time, never concurrently, so each figure is one request's latency. */
export async function sample(run: () => Promise<void>, options: SampleOptions): Promise<Sample> {
  for (let i = 0; i < options.warmup; i++) await run();

  const durations: number[] = [];
  const started = performance.now();
  while (durations.length < options.iterations) {
    const before = performance.now();
    await run();
    durations.push(performance.now() - before);
    const spent = performance.now() - started;
    if (spent > options.budgetMs && durations.length >= options.minIterations) break;
  }

  return {
    n: durations.length,
    medianMs: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
  };
}

/** Nearest-rank percentile. */
function percentile(values: number[], rank: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1);
  return sorted[index] ?? Number.NaN;
}
