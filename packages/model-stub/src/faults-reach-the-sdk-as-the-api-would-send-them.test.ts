import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';
import { countTokens } from './count-tokens';

const question = 'We need a dashboard showing late deliveries per warehouse.';
const params = {
  model,
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: question }],
};

/** Streams the reply, keeping the text deltas seen before any failure. */
async function streamUntilFailure(client: Anthropic, options?: { signal?: AbortSignal }) {
  const stream = client.messages.stream(params, options);
  const deltas: string[] = [];
  stream.on('text', (delta) => deltas.push(delta));
  const error = await stream.finalMessage().then(
    () => undefined,
    (failure: unknown) => failure,
  );
  return { deltas, error };
}

describe('injected faults', () => {
  const context = useModelStub();

  it('error-mid-stream delivers some text, then throws an overloaded APIError', async () => {
    context.stub.enqueue({ kind: 'error-mid-stream', afterDeltas: 2 });

    const { deltas, error } = await streamUntilFailure(context.client);

    expect(deltas).toHaveLength(2);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ type: 'overloaded_error', apiMessage: 'Overloaded' });
  });

  it('error-mid-stream can send api_error instead', async () => {
    context.stub.enqueue({ kind: 'error-mid-stream', afterDeltas: 0, errorType: 'api_error' });

    const { deltas, error } = await streamUntilFailure(context.client);

    expect(deltas).toEqual([]);
    expect(error).toMatchObject({ type: 'api_error' });
  });

  it('cut drops the connection after the given deltas, with no closing events', async () => {
    context.stub.enqueue({ kind: 'cut', afterDeltas: 3 });

    const { deltas, error } = await streamUntilFailure(context.client);

    expect(deltas).toHaveLength(3);
    // The SDK passes the socket failure on as a plain AnthropicError, not an APIError.
    expect(error).toBeInstanceOf(Anthropic.AnthropicError);
    expect(error).not.toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ cause: { cause: { code: 'UND_ERR_SOCKET' } } });
  });

  it('hang goes quiet after the given deltas until the caller aborts', async () => {
    context.stub.enqueue({ kind: 'hang', afterDeltas: 1 });
    const controller = new AbortController();
    const stream = context.client.messages.stream(params, { signal: controller.signal });
    stream.on('text', () => setTimeout(() => controller.abort(), 50));

    await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
    expect(stream.receivedMessages).toEqual([]);
  });

  it('http-error answers before any stream, as the typed SDK error for its status', async () => {
    context.stub.enqueue({ kind: 'http-error', status: 529, errorType: 'overloaded_error' });
    context.stub.enqueue({ kind: 'http-error', status: 500, errorType: 'api_error' });

    await expect(context.client.messages.stream(params).finalMessage()).rejects.toBeInstanceOf(
      Anthropic.OverloadedError,
    );
    await expect(context.client.messages.create(params)).rejects.toMatchObject({
      status: 500,
      type: 'api_error',
      requestID: expect.stringMatching(/^req_stub_/) as string,
    });
  });

  it('http-error is retried by a client with retries on, each retry taking the next scenario', async () => {
    const retrying = new Anthropic({ apiKey: 'k', baseURL: context.stub.url, maxRetries: 2 });
    context.stub.enqueue({
      kind: 'http-error',
      status: 529,
      errorType: 'overloaded_error',
      retryAfterMs: 1,
    });
    context.stub.enqueue({
      kind: 'http-error',
      status: 429,
      errorType: 'rate_limit_error',
      retryAfterMs: 1,
    });

    const message = await retrying.messages.create(params);

    expect(message.stop_reason).toBe('end_turn');
    expect(context.stub.requests).toHaveLength(3);
  });

  it('http-error with shouldRetry false is not retried', async () => {
    const retrying = new Anthropic({ apiKey: 'k', baseURL: context.stub.url, maxRetries: 2 });
    context.stub.enqueue({
      kind: 'http-error',
      status: 503,
      errorType: 'api_error',
      shouldRetry: false,
    });

    await expect(retrying.messages.create(params)).rejects.toMatchObject({ status: 503 });
    expect(context.stub.requests).toHaveLength(1);
  });

  it('reply replaces the text and the reported usage', async () => {
    const cache_creation = { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 400 };
    context.stub.enqueue({
      kind: 'reply',
      text: 'Which region reports first?',
      usage: { cache_read_input_tokens: 2048, cache_creation_input_tokens: 500, cache_creation },
    });

    const message = await context.client.messages.stream(params).finalMessage();

    expect(textOf(message)).toBe('Which region reports first?');
    expect(message.usage).toMatchObject({
      input_tokens: countTokens(question),
      output_tokens: countTokens('Which region reports first?'),
      cache_read_input_tokens: 2048,
      cache_creation_input_tokens: 500,
      cache_creation,
    });
  });

  it('reply can report any output count, as the final message_delta total', async () => {
    context.stub.enqueue({ kind: 'reply', usage: { input_tokens: 7, output_tokens: 999 } });

    const message = await context.client.messages.stream(params).finalMessage();

    expect(message.usage).toMatchObject({ input_tokens: 7, output_tokens: 999 });
  });

  it('faults show on requests without a stream too', async () => {
    context.stub.enqueue({ kind: 'error-mid-stream', afterDeltas: 2 });
    context.stub.enqueue({ kind: 'cut', afterDeltas: 2 });

    await expect(context.client.messages.create(params)).rejects.toBeInstanceOf(
      Anthropic.OverloadedError,
    );
    await expect(context.client.messages.create(params)).rejects.toBeInstanceOf(
      Anthropic.APIConnectionError,
    );
  });

  it('scenarios are used once each, first in first out', async () => {
    context.stub.enqueue({ kind: 'reply', text: 'First.' });
    context.stub.enqueue({ kind: 'reply', text: 'Second.' });

    const texts = [];
    for (let turn = 0; turn < 3; turn += 1) {
      texts.push(textOf(await context.client.messages.create(params)));
    }

    expect(texts.slice(0, 2)).toEqual(['First.', 'Second.']);
    expect(texts[2]).not.toMatch(/^(First|Second)\.$/);
  });
});
