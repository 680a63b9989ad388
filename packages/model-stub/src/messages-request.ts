/**
 * The parts of a Messages API request body the stub reads. Other fields (temperature, tools,
 * metadata, ...) are accepted and kept so tests can assert on them, but do not change the reply.
 */
export interface MessagesRequest {
  model: string;
  /** Absent on count_tokens requests, which take no max_tokens. */
  max_tokens?: number;
  messages: InputMessage[];
  system?: string | InputBlock[];
  stream?: boolean;
  [field: string]: unknown;
}

export interface InputMessage {
  role: 'user' | 'assistant';
  content: string | InputBlock[];
}

/** Any content block; only `{ type: 'text', text }` blocks contribute text. */
export interface InputBlock {
  type: string;
  text?: string;
  [field: string]: unknown;
}

export type ParsedRequest = { ok: true; request: MessagesRequest } | { ok: false; message: string };

/** Checks a body the way the API does, with its style of error message on failure. */
export function parseMessagesRequest(options: {
  body: unknown;
  requireMaxTokens: boolean;
}): ParsedRequest {
  const { body, requireMaxTokens } = options;

  if (!isRecord(body)) return { ok: false, message: 'Request body must be a JSON object' };
  if (typeof body.model !== 'string' || body.model === '') return missing('model');
  if (requireMaxTokens && body.max_tokens === undefined) return missing('max_tokens');
  if (body.max_tokens !== undefined && !isPositiveInteger(body.max_tokens)) {
    return { ok: false, message: 'max_tokens: Input should be a positive integer' };
  }
  if (!Array.isArray(body.messages)) return missing('messages');
  if (body.messages.length === 0) {
    return { ok: false, message: 'messages: at least one message is required' };
  }
  const badMessage = body.messages.findIndex((message) => !isInputMessage(message));
  if (badMessage !== -1) {
    return { ok: false, message: `messages.${badMessage}: Input should be a valid message` };
  }
  if (body.system !== undefined && !isContent(body.system)) {
    return { ok: false, message: 'system: Input should be a string or a list of text blocks' };
  }

  return { ok: true, request: body as MessagesRequest };
}

function missing(field: string): ParsedRequest {
  return { ok: false, message: `${field}: Field required` };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isInputMessage(value: unknown): boolean {
  if (!isRecord(value)) return false;
  return (value.role === 'user' || value.role === 'assistant') && isContent(value.content);
}

function isContent(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!Array.isArray(value)) return false;
  return value.every(
    (block) =>
      isRecord(block) &&
      typeof block.type === 'string' &&
      (block.type !== 'text' || typeof block.text === 'string'),
  );
}
