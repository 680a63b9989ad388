import type Decimal from 'decimal.js';
import type { Prisma } from '@analyst/db';

import { notFound } from '../errors/domain-error.ts';
import { toDecimal } from '../money.ts';

type Reader = Pick<Prisma.TransactionClient, 'user'>;

/** The user's own monthly limit, or the configured default when they have none. */
export async function loadUserLimit(options: {
  db: Reader;
  userId: string;
  defaultLimit: Decimal;
}): Promise<Decimal> {
  const user = await options.db.user.findUnique({
    where: { id: options.userId },
    select: { monthlyBudgetUsd: true },
  });
  if (!user) throw notFound('User');
  return user.monthlyBudgetUsd === null ? options.defaultLimit : toDecimal(user.monthlyBudgetUsd);
}
