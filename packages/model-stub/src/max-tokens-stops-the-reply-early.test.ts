import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';
import { countTokens } from './count-tokens';

const question = 'What are the acceptance criteria for the password reset flow?';

describe('max_tokens', () => {
  const context = useModelStub();

  it('cuts a streamed reply at the limit and says so in stop_reason', async () => {
    const full = await context.client.messages
      .stream({ model, max_tokens: 1024, messages: [{ role: 'user', content: question }] })
      .finalMessage();
    const cut = await context.client.messages
      .stream({ model, max_tokens: 15, messages: [{ role: 'user', content: question }] })
      .finalMessage();

    expect(cut.stop_reason).toBe('max_tokens');
    expect(cut.usage.output_tokens).toBe(15);
    expect(countTokens(textOf(cut))).toBe(15);
    expect(textOf(full).startsWith(textOf(cut))).toBe(true);
  });

  it('cuts a non-streamed reply the same way', async () => {
    const message = await context.client.messages.create({
      model,
      max_tokens: 1,
      messages: [{ role: 'user', content: question }],
    });

    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(1);
    expect(textOf(message)).toHaveLength(4);
  });

  it('leaves a reply that fits untouched', async () => {
    context.stub.enqueue({ kind: 'reply', text: 'Noted.' });

    const message = await context.client.messages.create({
      model,
      max_tokens: 2,
      messages: [{ role: 'user', content: question }],
    });

    expect(message.stop_reason).toBe('end_turn');
    expect(textOf(message)).toBe('Noted.');
  });
});
