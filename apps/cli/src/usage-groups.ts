import Decimal from 'decimal.js';

/** Sums with room for any month's ledger: decimal.js keeps only 20 digits by default. */
const Exact = Decimal.clone({ precision: 50 });

export interface LedgerRow {
  model: string;
  /** How many calls the row stands for: one for a ledger row, more for a daily total. */
  requests?: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  cost: { toString(): string };
  user: { email: string };
}

export interface UsageGroup {
  email: string;
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  cost: Decimal;
}

function emptyGroup(email: string, model: string): UsageGroup {
  return {
    email,
    model,
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
    cost: new Exact(0),
  };
}

function add(group: UsageGroup, row: Omit<UsageGroup, 'email' | 'model'>): UsageGroup {
  return {
    ...group,
    requests: group.requests + row.requests,
    inputTokens: group.inputTokens + row.inputTokens,
    outputTokens: group.outputTokens + row.outputTokens,
    cacheCreationInputTokens: group.cacheCreationInputTokens + row.cacheCreationInputTokens,
    cacheReadInputTokens: group.cacheReadInputTokens + row.cacheReadInputTokens,
    cost: group.cost.plus(row.cost),
  };
}

/** The ledger rows summed per user and model, ordered by email then model, and their total. */
export function groupUsage(rows: readonly LedgerRow[]): {
  groups: UsageGroup[];
  total: UsageGroup;
} {
  const byKey = new Map<string, UsageGroup>();
  for (const row of rows) {
    const key = `${row.user.email}\u0000${row.model}`;
    const group = byKey.get(key) ?? emptyGroup(row.user.email, row.model);
    byKey.set(
      key,
      add(group, { ...row, requests: row.requests ?? 1, cost: new Exact(row.cost.toString()) }),
    );
  }

  const groups = [...byKey.values()].sort(
    (a, b) => compare(a.email, b.email) || compare(a.model, b.model),
  );
  const total = groups.reduce((sum, group) => add(sum, group), emptyGroup('total', ''));
  return { groups, total };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
