import { releaseReservation, reserveBudget } from '../budget/reserve-budget.ts';
import type { ChatDeps } from '../deps.ts';
import { loadRecentMessages } from '../conversations/recent-messages.ts';
import { DomainError } from '../errors/domain-error.ts';
import type { ModelRequest } from '../model/model-port.ts';
import { calculateCost } from '../pricing/index.ts';
import { estimateInputTokensHigh } from '../usage/estimate-tokens.ts';
import { trackTokenUsage } from '../usage/track-token-usage.ts';
import { cleanTitle } from './clean-title.ts';
import { buildTitleRequest, RECENT_MESSAGES } from './generate-thread-title.ts';

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
 * The title call is admitted like a chat: its worst case is held first, so a month at its limit
 * gets no new title rather than an overrun. Null when the budget is used up.
 */
async function admitTitleCall(options: { deps: ChatDeps; userId: string; request: ModelRequest }) {
  const { deps, request } = options;
  const worstCase = calculateCost({
    table: deps.prices,
    model: request.model,
    usage: {
      inputTokens: estimateInputTokensHigh([
        request.system,
        ...request.messages.map((m) => m.content),
      ]),
      outputTokens: request.maxTokens,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    },
  });
  try {
    return await reserveBudget({ deps, userId: options.userId, amount: worstCase.cost });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BUDGET_EXHAUSTED') return null;
    throw error;
  }
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

    const messages = await loadRecentMessages({
      deps,
      threadId,
      limit: RECENT_MESSAGES,
      withContentOnly: true,
    });
    const request = buildTitleRequest({ settings: deps.settings, messages });
    const reservation = await admitTitleCall({ deps, userId, request });
    if (!reservation) {
      log.info('title skipped: the monthly budget is used up');
      return null;
    }

    let title: string;
    try {
      const started = Date.now();
      const reply = await deps.model.complete(request);
      const tracked = await trackTokenUsage({
        deps,
        reservationId: reservation.id,
        record: {
          userId,
          threadId,
          messageId: null,
          kind: 'title',
          model: reply.model,
          usage: reply.usage,
          endpoint: `/threads/${threadId}/summarize`,
          outcome: 'complete',
        },
      });
      log.info(
        { usageId: tracked.id, cost: tracked.cost.toFixed(), ms: Date.now() - started },
        'title generated',
      );
      title = cleanTitle(reply.text);
    } finally {
      // Settled by trackTokenUsage when billed; released here when the call failed.
      await releaseReservation({ deps, reservationId: reservation.id });
    }
    if (!title) return null;

    // Only if nobody renamed the thread or titled it meanwhile.
    const updated = await deps.db.thread.updateMany({
      where: { id: threadId, titleSource: { not: 'user' }, titledAtCount: thread.titledAtCount },
      data: { title, titleSource: 'generated', titledAtCount: thread.messageCount },
    });
    // The count moves on either way; the client hears of it only when the words changed.
    return updated.count === 1 && title !== thread.title ? { title } : null;
  } catch (error) {
    log.warn({ err: error }, 'title update failed');
    return null;
  }
}
