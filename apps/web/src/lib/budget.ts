import type { Budget } from './trpc';

/** Share of the limit spent, for bars and thresholds only; figures stay exact strings. */
export function budgetShare(budget: Pick<Budget, 'spent' | 'limit'>): number {
  const spent = Number(budget.spent);
  const limit = Number(budget.limit);
  if (!(limit > 0)) return 1;
  return spent / limit;
}

/** Amber from 80 %, red at 100 %. */
export function budgetLevel(share: number): 'ok' | 'warn' | 'over' {
  if (share >= 1) return 'over';
  if (share >= 0.8) return 'warn';
  return 'ok';
}
