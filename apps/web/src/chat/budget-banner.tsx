import { budgetShare } from '../lib/budget';
import { formatDate, formatUsd } from '../lib/format';
import { Link, paths } from '../lib/router';
import type { Budget } from '../lib/trpc';

/**
 * This month's budget is spent, so the thread cannot send: shown as soon as that is known, and
 * announced (`announce`) when a message was just refused for it.
 */
export function BudgetBanner(props: { budget: Budget | undefined; announce: boolean }) {
  const { budget } = props;
  let text = 'Messages cannot be sent until it resets.';
  if (budget && budgetShare(budget) < 1) {
    // Not spent yet, but replies still running hold what is left of it.
    text =
      `Replies in progress hold the rest of your ${formatUsd(budget.limit)} limit; ` +
      'you can send again when they finish.';
  } else if (budget) {
    text =
      `You have spent ${formatUsd(budget.spent)} of your ${formatUsd(budget.limit)} limit ` +
      `this month. It resets on ${formatDate(budget.resetsAt)}.`;
  }
  return (
    <div
      className="banner banner-danger"
      role={props.announce ? 'alert' : 'status'}
      data-testid="budget-banner"
    >
      <strong>Monthly budget reached.</strong> {text} <Link to={paths.usage()}>See usage</Link>
    </div>
  );
}

/**
 * Whether the thread may send, from the budget and from a refusal this session saw. A refusal
 * counts until the budget has been read again after it: that answer then decides.
 */
export function budgetPause(options: {
  budget: Budget | undefined;
  budgetReadAt: number;
  refusedAt: number | null;
}): { reason: string } | null {
  const { budget, budgetReadAt, refusedAt } = options;
  const refusedSinceRead = refusedAt !== null && budgetReadAt < refusedAt;
  if (!refusedSinceRead && budget?.allowed !== false) return null;
  if (budget && budgetShare(budget) < 1) {
    return { reason: 'Sending is paused while replies in progress hold the rest of the budget.' };
  }
  const resets = budget ? ` It resets on ${formatDate(budget.resetsAt)}.` : '';
  return { reason: `Sending is paused: this month's budget is used up.${resets}` };
}
