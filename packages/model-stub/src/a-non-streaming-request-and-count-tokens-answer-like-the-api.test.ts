import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';
import { countTokens } from './count-tokens';

const question = 'What should the monthly sales report show for each region?';

describe('requests without a stream', () => {
  const context = useModelStub();

  it('get a whole Message with the same usage a stream would report', async () => {
    const message = await context.client.messages.create({
      model,
      max_tokens: 1024,
      messages: [{ role: 'user', content: question }],
    });

    expect(message.type).toBe('message');
    expect(message.role).toBe('assistant');
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.input_tokens).toBe(countTokens(question));
    expect(message.usage.output_tokens).toBe(countTokens(textOf(message)));

    const streamed = await context.client.messages
      .stream({ model, max_tokens: 1024, messages: [{ role: 'user', content: question }] })
      .finalMessage();
    expect(textOf(streamed)).toBe(textOf(message));
  });

  it('can count tokens without a reply, matching the input_tokens of a reply', async () => {
    const system = 'Project: Northwind sales';

    const counted = await context.client.messages.countTokens({
      model,
      system,
      messages: [{ role: 'user', content: question }],
    });

    expect(counted).toEqual({ input_tokens: countTokens(system) + countTokens(question) });
    expect(context.stub.requests[0]?.path).toBe('/v1/messages/count_tokens');
  });

  it('are refused with invalid_request_error when the body lacks what the API requires', async () => {
    const withoutMessages = context.client.messages.create({ model, max_tokens: 10, messages: [] });
    await expect(withoutMessages).rejects.toBeInstanceOf(Anthropic.BadRequestError);

    const withoutMaxTokens = context.client.messages.create({
      model,
      messages: [{ role: 'user', content: question }],
    } as unknown as Anthropic.MessageCreateParamsNonStreaming);
    await expect(withoutMaxTokens).rejects.toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      apiMessage: 'max_tokens: Field required',
    });

    const withoutModel = context.client.messages.create({
      max_tokens: 10,
      messages: [{ role: 'user', content: question }],
    } as unknown as Anthropic.MessageCreateParamsNonStreaming);
    await expect(withoutModel).rejects.toMatchObject({
      status: 400,
      type: 'invalid_request_error',
    });
    expect(context.stub.requests).toEqual([]);
  });

  it('are refused with invalid_request_error when the body is not JSON', async () => {
    const response = await fetch(`${context.stub.url}/v1/messages`, {
      method: 'POST',
      body: '{"model": ',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'invalid_request_error' },
    });
  });

  it('get not_found_error on any other path', async () => {
    const response = await fetch(`${context.stub.url}/v1/complete`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      type: 'error',
      error: { type: 'not_found_error', message: expect.any(String) as string },
    });
  });
});
