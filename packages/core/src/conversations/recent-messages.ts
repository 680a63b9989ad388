import type { CoreDeps } from '../deps.ts';

/**
 * The last `limit` messages of a thread, oldest first. Read from the newest end so a long thread
 * costs the same to prompt as a short one.
 */
export async function loadRecentMessages(options: {
  deps: Pick<CoreDeps, 'db'>;
  threadId: string;
  limit: number;
  withContentOnly?: boolean;
}): Promise<{ role: string; content: string }[]> {
  const newestFirst = await options.deps.db.message.findMany({
    where: {
      threadId: options.threadId,
      ...(options.withContentOnly ? { content: { not: '' } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { role: 'asc' }],
    take: options.limit,
    select: { role: true, content: true },
  });
  return newestFirst.reverse();
}
