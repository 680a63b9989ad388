import type { StoredMessage } from '../lib/trpc';
import { isActive, type LiveTurn, type ReplyUsage, type TurnStatus } from './chat-store';
import { reasonForStreamCode } from './reply-wording';

export type MessageState = TurnStatus;

/** One bubble on screen, whether it came from the server's history or from a live turn. */
export interface MessageView {
  key: string;
  role: 'user' | 'assistant';
  content: string;
  state: MessageState;
  usage: ReplyUsage | null;
  cost: string | null;
  model: string | null;
  /** Why a reply ended early, when this session saw it happen (see reply-wording.ts). */
  reason: string | null;
  /** Seen live in this session, so a change of state is worth announcing. */
  live: boolean;
  reconnecting: boolean;
  /** The title this reply's turn gave the thread. */
  retitledAs: string | null;
  /** The question to send again, for replies that did not finish. */
  retryContent: string | null;
}

/**
 * Stored history first, then this session's live turns. A live turn's own copies in the history
 * (its user message and the reply right after it) are left out, so nothing shows twice while
 * the history catches up.
 */
export function buildMessageViews(
  stored: readonly StoredMessage[],
  turns: readonly LiveTurn[],
): MessageView[] {
  const liveIds = new Set(turns.map((turn) => turn.userMessageId).filter(Boolean));
  // The stored reply of each live turn: it carries the billed usage of a reply that failed or
  // was stopped, which the stream itself never reports.
  const storedReplies = new Map<string, StoredMessage>();
  const views: MessageView[] = [];
  for (let index = 0; index < stored.length; index += 1) {
    const message = stored[index];
    if (!message) continue;
    if (message.role === 'user' && liveIds.has(message.id)) {
      const reply = stored[index + 1];
      if (reply?.role === 'assistant') {
        storedReplies.set(message.id, reply);
        index += 1;
      }
      continue;
    }
    const previous = stored[index - 1];
    views.push({
      key: message.id,
      role: message.role,
      content: message.content,
      state: message.status,
      usage: message.usage,
      cost: message.usage?.cost ?? null,
      model: message.model,
      reason: message.endReason === null ? null : reasonForStreamCode(message.endReason),
      live: false,
      reconnecting: false,
      retitledAs: null,
      retryContent:
        message.role === 'assistant' && message.status !== 'complete' && previous?.role === 'user'
          ? previous.content
          : null,
    });
  }

  for (const turn of turns) {
    views.push({
      key: `${turn.clientMessageId}:user`,
      role: 'user',
      content: turn.content,
      state: turn.status === 'sending' ? 'sending' : 'complete',
      usage: null,
      cost: null,
      model: null,
      reason: null,
      live: true,
      reconnecting: false,
      retitledAs: null,
      retryContent: null,
    });
    const storedReply = turn.userMessageId ? storedReplies.get(turn.userMessageId) : undefined;
    const billed = turn.usage === null && !isActive(turn) ? storedReply?.usage : undefined;
    views.push({
      key: `${turn.clientMessageId}:assistant`,
      role: 'assistant',
      content: turn.text,
      state: turn.status,
      usage: billed ?? turn.usage,
      cost: billed?.cost ?? turn.cost,
      model: turn.model ?? storedReply?.model ?? null,
      reason: turn.reason,
      live: true,
      reconnecting: turn.reconnecting,
      retitledAs: turn.retitledAs,
      retryContent: isActive(turn) || turn.status === 'complete' ? null : turn.content,
    });
  }
  // Only the thread's last reply is worth retrying: a later question has moved on from it.
  for (const view of views.slice(0, -1)) view.retryContent = null;
  return views;
}
