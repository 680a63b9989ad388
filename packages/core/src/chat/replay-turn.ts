import type { ChatDeps } from '../deps.ts';
import { DomainError } from '../errors/domain-error.ts';
import { eventIds, parseLastEventId, type ChatEvent } from './chat-events.ts';
import type { ChatTurnInput } from './start-chat-turn.ts';
import type { TurnHub } from './turn-hub.ts';

/** How long a resent message waits for a reply that another process is still streaming. */
const WAIT_FOR_REPLY_MS = 30_000;

async function sleep(ms: number, signal: AbortSignal | undefined) {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Saves an empty failed reply for a turn whose process died, once, so the thread shows the
 * failure and a retry can follow. The user message's row is locked so that two replays at the
 * same moment write one reply between them.
 */
async function markAbandoned(options: {
  deps: ChatDeps;
  userMessage: { id: string; threadId: string };
}): Promise<void> {
  const { deps, userMessage } = options;
  await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Message" WHERE id = ${userMessage.id} FOR UPDATE`;
    const reply = await tx.message.findFirst({ where: { replyToId: userMessage.id } });
    if (reply) return;
    await tx.message.create({
      data: {
        threadId: userMessage.threadId,
        role: 'assistant',
        content: '',
        status: 'failed',
        endReason: 'INTERRUPTED',
        replyToId: userMessage.id,
      },
    });
    await tx.thread.update({
      where: { id: userMessage.threadId },
      data: { messageCount: { increment: 1 } },
    });
  });
  deps.logger.warn({ userMessageId: userMessage.id }, 'abandoned chat turn marked failed');
}

/**
 * Answers a message that was already sent, from what is stored: the stored reply (from where the
 * client's last event left off) and its recorded cost. The model is never called again.
 */
export async function* replayTurn(options: {
  deps: ChatDeps;
  hub: TurnHub;
  key: string;
  userMessage: { id: string; threadId: string };
  input: ChatTurnInput;
}): AsyncGenerator<ChatEvent> {
  const { deps, hub, key, userMessage, input } = options;
  const seen = parseLastEventId(input.lastEventId);
  if (!seen.sawAccepted) {
    yield { id: eventIds.accepted, type: 'accepted', userMessageId: userMessage.id };
  }

  const deadline = Date.now() + WAIT_FOR_REPLY_MS;
  for (;;) {
    if (hub.has(key)) {
      yield* hub.follow(key, {
        afterId: input.lastEventId ?? eventIds.accepted,
        signal: input.signal,
      });
      return;
    }
    const reply = await deps.db.message.findFirst({
      where: { replyToId: userMessage.id, role: 'assistant' },
    });
    if (reply) {
      if (seen.sawEnd) return;
      const rest = reply.content.slice(seen.textOffset);
      if (rest) yield { id: eventIds.delta(reply.content.length), type: 'delta', text: rest };
      if (reply.status !== 'complete') {
        yield {
          id: eventIds.error,
          type: 'error',
          code: reply.endReason ?? 'INTERRUPTED',
          message: 'This reply was interrupted; what arrived was kept.',
        };
        return;
      }
      const usage = await deps.db.tokenUsage.findFirst({ where: { messageId: reply.id } });
      yield {
        id: eventIds.complete,
        type: 'complete',
        assistantMessageId: reply.id,
        model: reply.model ?? usage?.model ?? '',
        usage: {
          inputTokens: usage?.inputTokens ?? 0,
          outputTokens: usage?.outputTokens ?? 0,
          cacheCreationInputTokens: usage?.cacheCreationInputTokens ?? 0,
          cacheReadInputTokens: usage?.cacheReadInputTokens ?? 0,
        },
        cost: usage ? usage.cost.toFixed() : '0',
      };
      return;
    }
    const inFlight = await deps.db.budgetReservation.count({
      where: { messageId: userMessage.id, expiresAt: { gt: deps.clock.now() } },
    });
    if (inFlight === 0) {
      // Nobody holds this turn any more: the process that ran it died before saving a reply.
      await markAbandoned({ deps, userMessage });
      continue;
    }
    if (Date.now() > deadline || input.signal?.aborted) {
      throw new DomainError('CONFLICT', 'This message is still being answered. Try again shortly.');
    }
    await sleep(250, input.signal);
  }
}
