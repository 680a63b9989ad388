import { reserveBudget, releaseReservation } from '../budget/reserve-budget.ts';
import { loadRecentMessages } from '../conversations/recent-messages.ts';
import { getOwnedThread } from '../conversations/threads.ts';
import type { ChatDeps } from '../deps.ts';
import { DomainError, invalidInput } from '../errors/domain-error.ts';
import { buildSystemPrompt } from '../model/system-prompt.ts';
import { calculateCost } from '../pricing/index.ts';
import { estimateInputTokensHigh } from '../usage/estimate-tokens.ts';
import { buildHistory, HISTORY_LIMIT } from './build-history.ts';
import type { ChatEvent } from './chat-events.ts';
import { replayTurn } from './replay-turn.ts';
import { runTurn } from './run-turn.ts';
import { TurnHub } from './turn-hub.ts';

export const MAX_MESSAGE_LENGTH = 32_000;

export interface ChatTurnInput {
  userId: string;
  threadId: string;
  clientMessageId: string;
  content: string;
  /** The last event id the client saw, when it is reconnecting. */
  lastEventId?: string | null | undefined;
  /** Fires when the client goes away. */
  signal?: AbortSignal | undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2002';
}

/**
 * A chat turn, up to the point where events start to flow: ownership, idempotency and admission
 * all happen here, so a refusal reaches the caller as a thrown DomainError before any event. The
 * reply itself runs detached from the caller (see runTurn), which only follows its events.
 */
export async function startChatTurn(options: {
  deps: ChatDeps;
  hub: TurnHub;
  input: ChatTurnInput;
}): Promise<AsyncIterable<ChatEvent>> {
  const { deps, hub, input } = options;
  if (input.content.trim().length === 0) throw invalidInput('A message cannot be empty.');
  if (input.content.length > MAX_MESSAGE_LENGTH) {
    throw invalidInput(`A message has at most ${String(MAX_MESSAGE_LENGTH)} characters.`);
  }
  const thread = await getOwnedThread({ deps, userId: input.userId, threadId: input.threadId });
  const key = TurnHub.key(thread.id, input.clientMessageId);
  const follow = { afterId: input.lastEventId ?? undefined, signal: input.signal };

  const existing = await deps.db.message.findUnique({
    where: {
      threadId_clientMessageId: { threadId: thread.id, clientMessageId: input.clientMessageId },
    },
  });
  if (existing && existing.content !== input.content) {
    throw new DomainError(
      'CONFLICT',
      'This message id was already used for a different message. Send it with a new id.',
    );
  }
  // A message sent again (a retry, a reconnect) is answered from what exists, never re-sent.
  if (hub.has(key)) return hub.follow(key, follow);
  if (existing) return replayTurn({ deps, hub, key, userMessage: existing, input });

  const previous = await loadRecentMessages({ deps, threadId: thread.id, limit: HISTORY_LIMIT });
  const system = buildSystemPrompt(thread.project);
  const history = buildHistory([...previous, { role: 'user', content: input.content }]);
  const model = deps.settings.chatModel;
  const worstCase = calculateCost({
    table: deps.prices,
    model,
    usage: {
      inputTokens: estimateInputTokensHigh([system, ...history.map((m) => m.content)]),
      outputTokens: deps.settings.maxOutputTokens,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    },
  });
  const reservation = await reserveBudget({ deps, userId: input.userId, amount: worstCase.cost });

  let userMessageId: string;
  try {
    userMessageId = await deps.db.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          threadId: thread.id,
          role: 'user',
          content: input.content,
          clientMessageId: input.clientMessageId,
        },
      });
      await tx.thread.update({
        where: { id: thread.id },
        data: { messageCount: { increment: 1 }, lastMessageAt: message.createdAt },
      });
      await tx.budgetReservation.update({
        where: { id: reservation.id },
        data: { messageId: message.id },
      });
      await tx.project.update({ where: { id: thread.projectId }, data: { updatedAt: new Date() } });
      return message.id;
    });
  } catch (error) {
    await releaseReservation({ deps, reservationId: reservation.id });
    if (!isUniqueViolation(error)) throw error;
    // Another request with the same id won the race: follow or replay its turn.
    return startChatTurn(options);
  }

  const turn = hub.open(key);
  const events = hub.follow(key, follow);
  void runTurn({
    deps,
    signal: turn.signal,
    emit: turn.push,
    plan: {
      userId: input.userId,
      threadId: thread.id,
      userMessageId,
      reservationId: reservation.id,
      model,
      system,
      history,
    },
  }).finally(turn.finish);
  return events;
}
