import { randomUUID } from 'node:crypto';

import type Decimal from 'decimal.js';

import type { CoreDeps, CoreSettings } from '../deps.ts';
import { DomainError } from '../errors/domain-error.ts';
import { toDecimal } from '../money.ts';
import { formatCost } from '../pricing/index.ts';
import { monthOf } from '../months/utc-month.ts';
import { loadUserLimit } from './user-limit.ts';

export interface Reservation {
  id: string;
  amount: Decimal;
}

/**
 * Admission: in one transaction, lock the user's month, read what is spent and what is held by
 * requests in flight, and hold this request's worst case. Because the month row is locked, any
 * number of concurrent requests, from any number of processes on one database, are admitted one
 * at a time, so the month can overrun its limit by at most the last admitted request's cost.
 */
export async function reserveBudget(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'> & {
    settings: Pick<CoreSettings, 'defaultMonthlyBudgetUsd' | 'reservationTtlMs'>;
  };
  userId: string;
  amount: Decimal;
}): Promise<Reservation> {
  const { db, clock, settings } = options.deps;
  const now = clock.now();
  const month = monthOf(now);
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + settings.reservationTtlMs);

  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "MonthlySpend" ("userId", "monthStart", "updatedAt")
      VALUES (${options.userId}, ${month.start}, ${now})
      ON CONFLICT ("userId", "monthStart") DO NOTHING`;
    const [row] = await tx.$queryRaw<{ totalCost: { toString(): string } }[]>`
      SELECT "totalCost" FROM "MonthlySpend"
      WHERE "userId" = ${options.userId} AND "monthStart" = ${month.start}
      FOR UPDATE`;
    await tx.budgetReservation.deleteMany({
      where: { userId: options.userId, expiresAt: { lte: now } },
    });
    const held = await tx.budgetReservation.aggregate({
      where: { userId: options.userId, expiresAt: { gt: now } },
      _sum: { amount: true },
    });
    const limit = await loadUserLimit({
      db: tx,
      userId: options.userId,
      defaultLimit: settings.defaultMonthlyBudgetUsd,
    });

    const spent = toDecimal(row?.totalCost);
    const reserved = toDecimal(held._sum.amount);
    if (spent.plus(reserved).gte(limit)) {
      const resetsAt = month.end.toISOString();
      throw new DomainError(
        'BUDGET_EXHAUSTED',
        `Monthly budget exhausted: ${formatCost(spent)} of ${formatCost(limit)} USD spent. ` +
          `It resets on ${resetsAt}.`,
        {
          details: {
            spent: formatCost(spent),
            reserved: formatCost(reserved),
            limit: formatCost(limit),
            resetsAt,
          },
        },
      );
    }

    await tx.budgetReservation.create({
      data: {
        id,
        userId: options.userId,
        monthStart: month.start,
        amount: options.amount.toFixed(),
        createdAt: now,
        expiresAt,
      },
    });
    return { id, amount: options.amount };
  });
}

/** Drops a reservation that ended without usage to record (nothing reached the model). */
export async function releaseReservation(options: {
  deps: Pick<CoreDeps, 'db'>;
  reservationId: string;
}): Promise<void> {
  await options.deps.db.budgetReservation.deleteMany({ where: { id: options.reservationId } });
}
