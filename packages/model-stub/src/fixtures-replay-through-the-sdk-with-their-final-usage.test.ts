import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';
import { readFixture } from './read-fixture';

const params = {
  model,
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Replay, please.' }],
};

describe('the recorded API streams, replayed with a raw scenario', () => {
  const context = useModelStub();
  const replay = (body: string) => {
    context.stub.enqueue({ kind: 'raw', body });
    return context.client.messages.stream(params).finalMessage();
  };

  it('text-reply gives its text and its cache-read usage', async () => {
    const message = await replay(readFixture('text-reply'));

    expect(textOf(message)).toBe("Who approves a refund above the store manager's limit?");
    expect(message.usage).toMatchObject({
      input_tokens: 472,
      cache_read_input_tokens: 2048,
      output_tokens: 11,
    });
  });

  it('two-deltas ends with the last cumulative count, 42, not the sum of both', async () => {
    const message = await replay(readFixture('two-deltas.sse'));

    expect(message.usage).toMatchObject({ input_tokens: 310, output_tokens: 42 });
    expect(message.stop_reason).toBe('end_turn');
  });

  it('cache-1h keeps the split of cache writes by lifetime', async () => {
    const message = await replay(readFixture('cache-1h'));

    expect(message.usage).toMatchObject({
      input_tokens: 21,
      cache_creation_input_tokens: 6000,
      cache_creation: { ephemeral_5m_input_tokens: 2000, ephemeral_1h_input_tokens: 4000 },
      output_tokens: 3,
    });
  });

  it('overloaded-mid-stream delivers its partial text, then an overloaded APIError', async () => {
    context.stub.enqueue({ kind: 'raw', body: readFixture('overloaded-mid-stream') });
    const stream = context.client.messages.stream(params);
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));

    const error: unknown = await stream.finalMessage().catch((failure: unknown) => failure);

    expect(deltas.join('')).toBe('The acceptance criteria for the export feature');
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ type: 'overloaded_error' });
  });

  it('is sent byte for byte', async () => {
    const body = readFixture('two-deltas');
    context.stub.enqueue({ kind: 'raw', body });

    const response = await fetch(`${context.stub.url}/v1/messages`, {
      method: 'POST',
      body: JSON.stringify({ ...params, stream: true }),
    });

    expect(await response.text()).toBe(body);
  });
});
