import type { CoreDeps } from '../deps.ts';
import { invalidInput } from '../errors/domain-error.ts';
import { resolveMonth } from '../months/utc-month.ts';

const PAGE_SIZE = 50;

/** What a person needs to tell rows apart: the thread's title and its project's name. */
const threadLabels = {
  thread: { select: { title: true, project: { select: { id: true, name: true } } } },
} as const;

/** The month's ledger rows, newest first, a page at a time; the cursor is the last row's id. */
export async function listUsage(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'>;
  userId: string;
  month?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}) {
  const { db, clock } = options.deps;
  const month = resolveMonth(options.month, clock.now());
  const take = options.limit ?? PAGE_SIZE;
  if (!Number.isInteger(take) || take < 1 || take > 500) {
    throw invalidInput('A page holds 1 to 500 rows.');
  }
  const where = { userId: options.userId, createdAt: { gte: month.start, lt: month.end } };
  if (options.cursor !== undefined) {
    const anchor = await db.tokenUsage.findFirst({ where: { ...where, id: options.cursor } });
    if (!anchor) throw invalidInput('That page cursor does not belong to this month.');
  }

  const rows = await db.tokenUsage.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    ...(options.cursor === undefined ? {} : { cursor: { id: options.cursor }, skip: 1 }),
    include: threadLabels,
  });
  const page = rows.slice(0, take);
  return {
    month: month.key,
    rows: page,
    nextCursor: rows.length > take ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Every ledger row of the month, oldest first, for exports and reports. */
export async function listMonthUsage(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'>;
  userId?: string | undefined;
  month?: string | undefined;
}) {
  const { db, clock } = options.deps;
  const month = resolveMonth(options.month, clock.now());
  const rows = await db.tokenUsage.findMany({
    where: {
      ...(options.userId === undefined ? {} : { userId: options.userId }),
      createdAt: { gte: month.start, lt: month.end },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: { user: { select: { email: true } }, ...threadLabels },
  });
  return { month: month.key, rows };
}

/**
 * The month's usage as daily totals per user, model and kind, for reports across users: a few
 * rows a day instead of every ledger row.
 */
export async function listMonthDailyUsage(options: {
  deps: Pick<CoreDeps, 'db' | 'clock'>;
  userId?: string | undefined;
  month?: string | undefined;
}) {
  const { db, clock } = options.deps;
  const month = resolveMonth(options.month, clock.now());
  const rows = await db.dailyUsage.findMany({
    where: {
      ...(options.userId === undefined ? {} : { userId: options.userId }),
      day: { gte: month.start, lt: month.end },
    },
    orderBy: [{ day: 'asc' }, { model: 'asc' }],
    include: { user: { select: { email: true } } },
  });
  return {
    month: month.key,
    rows: rows.map((row) => ({
      day: row.day.toISOString().slice(0, 10),
      user: row.user,
      model: row.model,
      kind: row.kind,
      requests: row.requests,
      inputTokens: Number(row.inputTokens),
      outputTokens: Number(row.outputTokens),
      cacheCreationInputTokens: Number(row.cacheCreationInputTokens),
      cacheReadInputTokens: Number(row.cacheReadInputTokens),
      cost: row.cost,
    })),
  };
}
