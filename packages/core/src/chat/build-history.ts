import type { ModelMessage } from '../model/model-port.ts';

/** How far back a chat sends the conversation; older messages are left out of the prompt. */
export const HISTORY_LIMIT = 60;

/**
 * Turns stored messages into what the Messages API accepts: roles alternate and start with the
 * user. Empty replies (failed calls) are dropped; a question sent again after a failure appears
 * once; other consecutive messages of one role are joined.
 */
export function buildHistory(messages: { role: string; content: string }[]): ModelMessage[] {
  const history: ModelMessage[] = [];
  for (const message of messages.slice(-HISTORY_LIMIT)) {
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const content = message.content;
    if (content.trim().length === 0) continue;
    const last = history.at(-1);
    if (last?.role === role) {
      if (last.content !== content) last.content = `${last.content}\n\n${content}`;
      continue;
    }
    if (history.length === 0 && role === 'assistant') continue;
    history.push({ role, content });
  }
  return history;
}
