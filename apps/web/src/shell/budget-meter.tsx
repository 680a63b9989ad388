import { useQuery } from '@tanstack/react-query';

import { formatDate, formatUsd } from '../lib/format';
import { Link, paths } from '../lib/router';
import { useTRPC, type Budget } from '../lib/trpc';

/** Share of the limit spent, for the bar only; the figures themselves stay exact strings. */
export function budgetShare(budget: Pick<Budget, 'spent' | 'limit'>): number {
  const spent = Number(budget.spent);
  const limit = Number(budget.limit);
  if (!(limit > 0)) return 1;
  return spent / limit;
}

export function budgetLevel(share: number): 'ok' | 'warn' | 'over' {
  if (share >= 1) return 'over';
  if (share >= 0.8) return 'warn';
  return 'ok';
}

/** This month's spend against the limit, in the header; amber from 80 %, red at 100 %. */
export function BudgetMeter() {
  const trpc = useTRPC();
  const budget = useQuery(trpc.checkBudget.queryOptions(undefined, { refetchInterval: 60_000 }));

  if (budget.isPending) {
    return (
      <div className="budget budget-loading" role="status">
        <span className="budget-label">Budget</span>
        <span className="budget-figures">Loading…</span>
      </div>
    );
  }
  if (budget.isError) {
    return (
      <button type="button" className="budget budget-error" onClick={() => void budget.refetch()}>
        <span className="budget-label">Budget</span>
        <span className="budget-figures">Unavailable, retry</span>
      </button>
    );
  }

  const share = budgetShare(budget.data);
  const level = budgetLevel(share);
  const spent = formatUsd(budget.data.spent);
  const limit = formatUsd(budget.data.limit);
  const percent = Math.min(100, Math.round(share * 100));
  return (
    <Link
      to={paths.usage()}
      className="budget"
      data-level={level}
      data-testid="budget-meter"
      title={`Resets on ${formatDate(budget.data.resetsAt)}. Open usage and costs.`}
    >
      <span className="budget-label">This month</span>
      <span className="budget-figures">
        <span className="budget-spent">{spent}</span>
        <span className="budget-limit"> of {limit}</span>
      </span>
      <span
        className="budget-bar"
        role="meter"
        aria-label="Monthly budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${spent} of ${limit} spent this month${level === 'over' ? ', limit reached' : ''}`}
      >
        <span
          className="budget-fill"
          style={{ width: `${String(share > 0 ? Math.max(percent, 1) : 0)}%` }}
        />
      </span>
    </Link>
  );
}
