import Decimal from 'decimal.js';

import type { CoreDeps } from '../deps.ts';
import { invalidInput, notFound } from '../errors/domain-error.ts';

/** Sets a user's own monthly limit in USD; null returns them to the configured default. */
export async function setUserBudget(options: {
  deps: Pick<CoreDeps, 'db'>;
  email: string;
  limitUsd: string | null;
}): Promise<{ userId: string }> {
  let limit: Decimal | null = null;
  if (options.limitUsd !== null) {
    try {
      limit = new Decimal(options.limitUsd);
    } catch {
      throw invalidInput(`A budget must be a decimal amount in USD, got "${options.limitUsd}".`);
    }
    if (!limit.isFinite() || limit.isNegative()) {
      throw invalidInput('A budget must be zero or more USD.');
    }
  }

  const user = await options.deps.db.user.findUnique({ where: { email: options.email } });
  if (!user) throw notFound(`User ${options.email}`);

  await options.deps.db.user.update({
    where: { id: user.id },
    data: { monthlyBudgetUsd: limit === null ? null : limit.toFixed() },
  });
  return { userId: user.id };
}
