import type { Usage } from '../pricing/index.ts';

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface ModelRequest {
  model: string;
  system: string;
  messages: ModelMessage[];
  maxTokens: number;
  signal?: AbortSignal | undefined;
}

/**
 * What a streamed reply reports, in the upstream's own terms: `start` carries the input and cache
 * counts, `usage` carries running totals whose latest value replaces the previous one.
 */
export type ModelStreamEvent =
  | { type: 'start'; model: string; usage: Usage }
  | { type: 'text'; text: string }
  | { type: 'usage'; usage: Partial<Usage> }
  | { type: 'stop'; stopReason: string | null };

export type ModelErrorKind =
  'overloaded' | 'rate_limited' | 'connection' | 'timeout' | 'aborted' | 'invalid_request' | 'api';

export class ModelError extends Error {
  override readonly name = 'ModelError';

  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ModelReply {
  text: string;
  model: string;
  usage: Usage;
}

/** The one way the domain reaches a language model. */
export interface ChatModel {
  /** Yields the reply as it arrives; throws a ModelError when the upstream fails or is aborted. */
  stream(request: ModelRequest): AsyncIterable<ModelStreamEvent>;
  complete(request: ModelRequest): Promise<ModelReply>;
}
