import Anthropic from '@anthropic-ai/sdk';

import type { Usage } from '../pricing/index.ts';
import {
  ModelError,
  type ChatModel,
  type ModelErrorKind,
  type ModelRequest,
  type ModelStreamEvent,
} from './model-port.ts';

export interface AnthropicModelOptions {
  apiKey: string;
  baseURL?: string | undefined;
  /** Retries of a request that failed before any of its reply arrived. */
  maxRetries?: number;
  /** A stream that sends nothing for this long is abandoned. */
  idleTimeoutMs?: number;
}

type RawUsage = Partial<{
  input_tokens: number | null;
  output_tokens: number | null;
  cache_creation_input_tokens: number | null;
  cache_read_input_tokens: number | null;
  cache_creation: {
    ephemeral_5m_input_tokens?: number | null;
    ephemeral_1h_input_tokens?: number | null;
  } | null;
}>;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Maps the upstream's usage object, keeping only the fields it actually sent as token counts; a
 * malformed value (negative, fractional) is dropped rather than allowed to break the billing.
 */
export function toUsage(raw: RawUsage): Partial<Usage> {
  const usage: Partial<Usage> = {};
  if (isCount(raw.input_tokens)) usage.inputTokens = raw.input_tokens;
  if (isCount(raw.output_tokens)) usage.outputTokens = raw.output_tokens;
  if (isCount(raw.cache_creation_input_tokens)) {
    usage.cacheCreationInputTokens = raw.cache_creation_input_tokens;
  }
  if (isCount(raw.cache_read_input_tokens))
    usage.cacheReadInputTokens = raw.cache_read_input_tokens;
  const fiveMinutes = raw.cache_creation?.ephemeral_5m_input_tokens;
  const oneHour = raw.cache_creation?.ephemeral_1h_input_tokens;
  const total = usage.cacheCreationInputTokens;
  // A split that does not fit inside the total is not trusted: all writes then count as 5-minute.
  if (
    isCount(fiveMinutes) &&
    isCount(oneHour) &&
    (total === undefined || fiveMinutes + oneHour <= total)
  ) {
    usage.cacheCreation5mInputTokens = fiveMinutes;
    usage.cacheCreation1hInputTokens = oneHour;
  }
  return usage;
}

function completeUsage(partial: Partial<Usage>): Usage {
  return {
    inputTokens: 0,
    outputTokens: 0,
    cacheCreationInputTokens: 0,
    cacheReadInputTokens: 0,
    ...partial,
  };
}

function classify(error: unknown, timedOut: boolean): ModelError {
  if (error instanceof ModelError) return error;
  if (timedOut) return new ModelError('timeout', 'The model stopped answering.', { cause: error });
  if (error instanceof Anthropic.APIUserAbortError) {
    return new ModelError('aborted', 'The request was cancelled.', { cause: error });
  }
  if (error instanceof Anthropic.APIConnectionTimeoutError) {
    return new ModelError('timeout', 'The model did not answer in time.', { cause: error });
  }
  if (error instanceof Anthropic.APIConnectionError) {
    return new ModelError('connection', 'The connection to the model was lost.', { cause: error });
  }
  if (error instanceof Anthropic.APIError) {
    const kinds: Record<string, ModelErrorKind> = {
      overloaded_error: 'overloaded',
      rate_limit_error: 'rate_limited',
      invalid_request_error: 'invalid_request',
    };
    const kind = (error.type && kinds[error.type]) ?? 'api';
    return new ModelError(kind, 'The model service returned an error.', { cause: error });
  }
  // A socket closed mid-body surfaces from fetch as a plain error.
  return new ModelError('connection', 'The connection to the model was lost.', { cause: error });
}

/** The model port over the official SDK, streaming the raw events so every usage count is seen. */
export function createAnthropicModel(options: AnthropicModelOptions): ChatModel {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseURL ?? null,
    maxRetries: options.maxRetries ?? 2,
  });
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;

  function params(request: ModelRequest) {
    return {
      model: request.model,
      system: request.system,
      max_tokens: request.maxTokens,
      messages: request.messages,
    };
  }

  return {
    async *stream(request): AsyncIterable<ModelStreamEvent> {
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      request.signal?.addEventListener('abort', onAbort, { once: true });
      let timedOut = false;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, idleTimeoutMs);
      };

      try {
        if (request.signal?.aborted) throw new ModelError('aborted', 'The request was cancelled.');
        arm();
        let stopped = false;
        const stream = await client.messages.create(
          { ...params(request), stream: true },
          { signal: controller.signal },
        );
        for await (const event of stream) {
          arm();
          if (event.type === 'message_start') {
            const usage = completeUsage(toUsage(event.message.usage));
            yield { type: 'start', model: event.message.model, usage };
          } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
            yield { type: 'text', text: event.delta.text };
          } else if (event.type === 'message_delta') {
            yield { type: 'usage', usage: toUsage(event.usage) };
            if (event.delta.stop_reason)
              yield { type: 'stop', stopReason: event.delta.stop_reason };
          } else if (event.type === 'message_stop') {
            stopped = true;
          }
        }
        if (controller.signal.aborted) throw new Anthropic.APIUserAbortError();
        // A body that ends without message_stop was cut short, however cleanly the socket closed.
        if (!stopped) {
          throw new ModelError('connection', 'The model reply ended before it was complete.');
        }
      } catch (error) {
        throw classify(error, timedOut);
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
      }
    },

    async complete(request) {
      try {
        const message = await client.messages.create(
          { ...params(request), stream: false },
          { signal: request.signal, timeout: idleTimeoutMs },
        );
        const text = message.content
          .map((block) => (block.type === 'text' ? block.text : ''))
          .join('');
        return { text, model: message.model, usage: completeUsage(toUsage(message.usage)) };
      } catch (error) {
        throw classify(error, false);
      }
    },
  };
}
