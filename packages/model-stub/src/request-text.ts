import { countTokens } from './count-tokens';
import type { InputBlock, InputMessage, MessagesRequest } from './messages-request';

/** The text of a message: a string as is, or its text blocks joined by line breaks. */
export function messageText(message: InputMessage): string {
  return textPieces(message.content).join('\n');
}

export function systemText(request: MessagesRequest): string {
  return request.system === undefined ? '' : textPieces(request.system).join('\n');
}

/** The text of the last user turn, which is what a reply answers and a scenario matches. */
export function lastUserText(request: MessagesRequest): string {
  const last = request.messages.findLast((message) => message.role === 'user');
  return last === undefined ? '' : messageText(last);
}

/**
 * Input tokens are counted piece by piece (the system prompt, then every text block of every
 * message) so a test can reproduce the number by summing countTokens over what it sent.
 * Images, documents and tool blocks count nothing: the stub has no honest way to size them.
 */
export function inputTokens(request: MessagesRequest): number {
  const pieces = [
    ...(request.system === undefined ? [] : textPieces(request.system)),
    ...request.messages.flatMap((message) => textPieces(message.content)),
  ];
  return pieces.reduce((sum, piece) => sum + countTokens(piece), 0);
}

function textPieces(content: string | InputBlock[]): string[] {
  if (typeof content === 'string') return [content];
  return content.flatMap((block) =>
    block.type === 'text' && block.text !== undefined ? [block.text] : [],
  );
}
