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
    // Plain digits only: what the database column holds (12 places each side), nothing that
    // decimal.js would also read, such as hex or exponents, and nothing silently rounded.
    if (!/^\d{1,12}(\.\d{1,12})?$/.test(options.limitUsd.trim())) {
      throw invalidInput(
        `A budget is a plain decimal amount in USD below 10^12 with at most 12 decimals, ` +
          `got "${options.limitUsd}".`,
      );
    }
    limit = new Decimal(options.limitUsd.trim());
  }

  const user = await options.deps.db.user.findUnique({
    where: { email: options.email.trim().toLowerCase() },
  });
  if (!user) throw notFound(`User ${options.email}`);

  await options.deps.db.user.update({
    where: { id: user.id },
    data: { monthlyBudgetUsd: limit === null ? null : limit.toFixed() },
  });
  return { userId: user.id };
}
