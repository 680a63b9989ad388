import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';

const params = {
  model,
  max_tokens: 1024,
  messages: [{ role: 'user' as const, content: 'Who owns the supplier list?' }],
};

describe('the admin endpoints', () => {
  const context = useModelStub();
  const post = (path: string, body?: unknown) =>
    fetch(`${context.stub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('POST /_stub/scenarios queues one scenario or an array of them', async () => {
    const one = await post('/_stub/scenarios', { kind: 'reply', text: 'One.' });
    const two = await post('/_stub/scenarios', [
      { kind: 'reply', text: 'Two.' },
      { kind: 'http-error', status: 529, errorType: 'overloaded_error' },
    ]);

    expect(await one.json()).toEqual({ queued: 1 });
    expect(await two.json()).toEqual({ queued: 3 });
    expect(textOf(await context.client.messages.create(params))).toBe('One.');
    expect(textOf(await context.client.messages.create(params))).toBe('Two.');
    await expect(context.client.messages.create(params)).rejects.toMatchObject({ status: 529 });
  });

  it('POST /_stub/scenarios refuses a malformed scenario and queues none of the batch', async () => {
    const response = await post('/_stub/scenarios', [
      { kind: 'reply', text: 'Fine.' },
      { kind: 'cut' },
    ]);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('afterDeltas') as string,
      },
    });
    expect(textOf(await context.client.messages.create(params))).not.toBe('Fine.');
  });

  it('POST /_stub/reset forgets queued scenarios and recorded requests', async () => {
    await post('/_stub/scenarios', { kind: 'reply', text: 'Forgotten.' });
    await context.client.messages.countTokens({ model, messages: params.messages });

    const response = await post('/_stub/reset');

    expect(response.status).toBe(200);
    expect(context.stub.requests).toEqual([]);
    expect(textOf(await context.client.messages.create(params))).not.toBe('Forgotten.');
  });

  it('POST /_stub/config spaces text deltas by deltaDelayMs', async () => {
    await post('/_stub/config', { deltaDelayMs: 40 });
    await post('/_stub/scenarios', { kind: 'reply', text: 'one two three four five six seven' });

    const started = performance.now();
    await context.client.messages.stream(params).finalMessage();

    // Seven words make three deltas, each waited for.
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 40 - 5);
    expect((await post('/_stub/config', { deltaDelayMs: -1 })).status).toBe(400);
  });

  it('GET /_stub/requests lists the recorded requests', async () => {
    await context.client.messages.create(params);

    const response = await fetch(`${context.stub.url}/_stub/requests`);

    expect(await response.json()).toMatchObject({
      requests: [{ path: '/v1/messages', body: { model, messages: params.messages } }],
    });
  });
});
