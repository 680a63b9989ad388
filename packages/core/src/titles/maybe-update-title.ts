import type { ChatDeps } from '../deps.ts';
import { trackTokenUsage } from '../usage/track-token-usage.ts';
import { generateThreadTitle } from './generate-thread-title.ts';

/** Whether the count has crossed a multiple of the interval since the last title. */
export function isTitleDue(options: {
  messageCount: number;
  titledAtCount: number;
  interval: number;
}): boolean {
  const { messageCount, titledAtCount, interval } = options;
  if (interval < 1) return false;
  return Math.floor(messageCount / interval) > Math.floor(titledAtCount / interval);
}

/**
 * Rewrites the thread's title when it is due. A title a person set is never replaced. The call is
 * billed as its own ledger row even when its answer is unusable. Any failure is logged and
 * reported as "no new title": a title must never fail the chat it follows.
 */
export async function maybeUpdateTitle(options: {
  deps: ChatDeps;
  userId: string;
  threadId: string;
}): Promise<{ title: string } | null> {
  const { deps, userId, threadId } = options;
  const log = deps.logger.child({ threadId, step: 'title' });
  try {
    const thread = await deps.db.thread.findFirst({ where: { id: threadId, userId } });
    if (!thread || thread.titleSource === 'user') return null;
    const due = isTitleDue({
      messageCount: thread.messageCount,
      titledAtCount: thread.titledAtCount,
      interval: deps.settings.titleInterval,
    });
    if (!due) return null;

    const messages = await deps.db.message.findMany({
      where: { threadId, content: { not: '' } },
      orderBy: [{ createdAt: 'asc' }, { role: 'desc' }],
      select: { role: true, content: true },
    });
    const started = Date.now();
    const generated = await generateThreadTitle({ deps, messages });
    const tracked = await trackTokenUsage({
      deps,
      record: {
        userId,
        threadId,
        messageId: null,
        kind: 'title',
        model: generated.model,
        usage: generated.usage,
        endpoint: `/threads/${threadId}/summarize`,
        outcome: 'complete',
      },
    });
    log.info(
      { usageId: tracked.id, cost: tracked.cost.toFixed(), ms: Date.now() - started },
      'title generated',
    );
    if (!generated.title) return null;

    // Only if nobody renamed the thread or titled it meanwhile.
    const updated = await deps.db.thread.updateMany({
      where: { id: threadId, titleSource: { not: 'user' }, titledAtCount: thread.titledAtCount },
      data: {
        title: generated.title,
        titleSource: 'generated',
        titledAtCount: thread.messageCount,
      },
    });
    return updated.count === 1 ? { title: generated.title } : null;
  } catch (error) {
    log.warn({ err: error }, 'title update failed');
    return null;
  }
}
