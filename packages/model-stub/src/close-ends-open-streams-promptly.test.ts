import Anthropic from '@anthropic-ai/sdk';
import { expect, it } from 'vitest';

import { model } from '../test/use-model-stub';
import { startModelStub } from './start-model-stub';

it('close() ends a hanging stream and its socket at once', async () => {
  const stub = await startModelStub();
  const client = new Anthropic({ apiKey: 'k', baseURL: stub.url, maxRetries: 0 });
  stub.enqueue({ kind: 'hang', afterDeltas: 1 });
  const stream = client.messages.stream({
    model,
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Who signs off the budget?' }],
  });
  const firstDelta = new Promise((resolve) => stream.once('text', resolve));
  const outcome = stream.finalMessage().catch((error: unknown) => error);
  await firstDelta;

  const started = performance.now();
  await stub.close();

  expect(await outcome).toBeInstanceOf(Anthropic.AnthropicError);
  expect(performance.now() - started).toBeLessThan(1000);
});

it('close() ends a stream paced by deltaDelayMs without waiting for its timers', async () => {
  const stub = await startModelStub({ deltaDelayMs: 60_000 });
  const response = fetch(`${stub.url}/v1/messages`, {
    method: 'POST',
    body: JSON.stringify({
      model,
      max_tokens: 100,
      stream: true,
      messages: [{ role: 'user', content: 'Who signs off the budget?' }],
    }),
  });
  await response;

  const started = performance.now();
  await stub.close();

  expect(performance.now() - started).toBeLessThan(1000);
});
