import type { Usage } from '../pricing/index.ts';

export type ReplyUsage = Pick<
  Usage,
  'inputTokens' | 'outputTokens' | 'cacheCreationInputTokens' | 'cacheReadInputTokens'
>;

/**
 * What a chat turn tells its client. Each event has an id that is stable for the turn, so a
 * client that reconnects with its last id is sent only what it missed: a delta's id is the
 * length of the reply text up to its end.
 */
export type ChatEvent =
  | { id: string; type: 'accepted'; userMessageId: string }
  | { id: string; type: 'delta'; text: string }
  | {
      id: string;
      type: 'complete';
      assistantMessageId: string;
      model: string;
      usage: ReplyUsage;
      cost: string;
    }
  | { id: string; type: 'title'; threadId: string; title: string }
  | { id: string; type: 'error'; code: string; message: string };

export const eventIds = {
  accepted: 'accepted',
  delta: (endOffset: number) => `d:${String(endOffset)}`,
  complete: 'complete',
  title: 'title',
  error: 'error',
} as const;

/** How much of the turn a client had seen, read from its last event id. */
export function parseLastEventId(lastEventId: string | null | undefined): {
  sawAccepted: boolean;
  textOffset: number;
  sawEnd: boolean;
} {
  if (!lastEventId) return { sawAccepted: false, textOffset: 0, sawEnd: false };
  const delta = /^d:(\d+)$/.exec(lastEventId);
  if (delta) return { sawAccepted: true, textOffset: Number(delta[1]), sawEnd: false };
  const sawEnd = [eventIds.complete, eventIds.error, eventIds.title].some(
    (id) => id === lastEventId,
  );
  return { sawAccepted: true, textOffset: sawEnd ? Infinity : 0, sawEnd };
}
