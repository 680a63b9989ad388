import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';

import { budgetLevel, budgetShare } from '../lib/budget';
import { formatDate, formatUsd } from '../lib/format';
import { Link, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';

const CUE = {
  ok: null,
  warn: (percent: number) => `${String(percent)}% of budget used`,
  over: () => 'Budget used up',
};

/**
 * This month's spend against the limit, in the header; amber from 80 %, red at 100 %, and then
 * a line of text says so too, so colour is never the only sign. The link's name is the label,
 * the figures and that line; the bar beside them is a meter with its own name, giving only
 * the percentage, so nothing is read out twice.
 */
export function BudgetMeter() {
  const trpc = useTRPC();
  const ids = { label: useId(), figures: useId(), cue: useId() };
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
  const percent = Math.min(100, Math.floor(share * 100));
  const cue = CUE[level]?.(percent) ?? null;
  return (
    <Link
      to={paths.usage()}
      className="budget"
      data-level={level}
      data-testid="budget-meter"
      aria-labelledby={`${ids.label} ${ids.figures}${cue ? ` ${ids.cue}` : ''}`}
      title={`Resets on ${formatDate(budget.data.resetsAt)}. Open usage and costs.`}
    >
      <span className="budget-label" id={ids.label}>
        This month
      </span>
      <span className="budget-figures" id={ids.figures}>
        <span className="budget-spent">{formatUsd(budget.data.spent)}</span>
        <span className="budget-limit"> of {formatUsd(budget.data.limit)}</span>
      </span>
      <span
        className="budget-bar"
        role="meter"
        aria-label="Share of the budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${String(percent)}%`}
      >
        <span
          className="budget-fill"
          style={{ width: `${String(share > 0 ? Math.max(percent, 1) : 0)}%` }}
        />
      </span>
      {cue && (
        <span className="budget-cue" id={ids.cue} data-testid="budget-cue">
          {cue}
        </span>
      )}
    </Link>
  );
}
