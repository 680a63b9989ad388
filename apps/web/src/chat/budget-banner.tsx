import { useQuery } from '@tanstack/react-query';

import { formatDate, formatUsd } from '../lib/format';
import { Link, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';

/** Shown when a message was refused because this month's budget is spent. */
export function BudgetBanner() {
  const trpc = useTRPC();
  const budget = useQuery(trpc.checkBudget.queryOptions());

  return (
    <div className="banner banner-danger" role="alert" data-testid="budget-banner">
      <strong>Monthly budget reached.</strong>{' '}
      {budget.data ? (
        <>
          You have spent {formatUsd(budget.data.spent)} of your {formatUsd(budget.data.limit)} limit
          this month. It resets on {formatDate(budget.data.resetsAt)}.
        </>
      ) : (
        'Your message was not sent.'
      )}{' '}
      <Link to={paths.usage()}>See usage</Link>
    </div>
  );
}
