import { describe, expect, it } from 'vitest';

import { eventNames, model, textOf, useModelStub } from '../test/use-model-stub';
import { countTokens } from './count-tokens';

const system = 'You are a business analyst.\n\nProject: Acme Refunds';
const question = "Who approves a refund above the store manager's limit?";

describe('a streamed reply', () => {
  const context = useModelStub();

  it('reaches the SDK as several text deltas with usage counted from the text', async () => {
    const stream = context.client.messages.stream({
      model,
      max_tokens: 1024,
      system,
      messages: [{ role: 'user', content: question }],
    });
    const deltas: string[] = [];
    stream.on('text', (delta) => deltas.push(delta));

    const message = await stream.finalMessage();

    const text = textOf(message);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.join('')).toBe(text);
    expect(message.id).toMatch(/^msg_stub_/);
    expect(message.model).toBe(model);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({
      input_tokens: countTokens(system) + countTokens(question),
      output_tokens: countTokens(text),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
  });

  it('counts every text block of a system prompt and of each message as input', async () => {
    const pieces = ['Project: Acme Refunds', 'Stores: 40', 'Export refunds to CSV', 'Weekly.'];

    const message = await context.client.messages
      .stream({
        model,
        max_tokens: 1024,
        system: [
          { type: 'text', text: pieces[0]! },
          { type: 'text', text: pieces[1]! },
        ],
        messages: [
          { role: 'user', content: pieces[2]! },
          { role: 'assistant', content: [{ type: 'text', text: pieces[3]! }] },
          { role: 'user', content: [{ type: 'text', text: 'And PDF?' }] },
        ],
      })
      .finalMessage();

    const expected = [...pieces, 'And PDF?'].reduce((sum, piece) => sum + countTokens(piece), 0);
    expect(message.usage.input_tokens).toBe(expected);
  });

  it('is sent as named SSE frames in the order the API uses', async () => {
    const response = await fetch(`${context.stub.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'any' },
      body: JSON.stringify({
        model,
        max_tokens: 1024,
        stream: true,
        messages: [{ role: 'user', content: question }],
      }),
    });
    const body = await response.text();

    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const frames = body.split('\n\n').filter(Boolean);
    expect(frames.every((frame) => /^event: .+\ndata: /.test(frame))).toBe(true);
    const names = eventNames(body);
    expect(names.slice(0, 3)).toEqual(['message_start', 'content_block_start', 'ping']);
    expect(names.slice(-3)).toEqual(['content_block_stop', 'message_delta', 'message_stop']);
    expect(new Set(names.slice(3, -3))).toEqual(new Set(['content_block_delta']));
    expect(body).toContain('"usage":{"input_tokens":');
    expect(body).toMatch(/"cache_read_input_tokens":0,"output_tokens":1\}/);
  });

  it('is recorded with its body and headers for later assertions', async () => {
    await context.client.messages
      .stream({ model, max_tokens: 64, messages: [{ role: 'user', content: question }] })
      .finalMessage();

    expect(context.stub.requests).toHaveLength(1);
    expect(context.stub.requests[0]?.path).toBe('/v1/messages');
    // The key arrives as x-api-key or as a bearer token, depending on the SDK version.
    const headers = context.stub.requests[0]?.headers;
    expect(headers?.['x-api-key'] ?? headers?.authorization).toMatch(/test-key$/);
    expect(context.stub.requests[0]?.body.messages).toEqual([{ role: 'user', content: question }]);
  });
});
