import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';

describe('a scenario with match', () => {
  const context = useModelStub();
  const ask = async (content: string) =>
    textOf(
      await context.client.messages.create({
        model,
        max_tokens: 1024,
        messages: [
          { role: 'user', content: 'An earlier turn about [invoices]' },
          { role: 'assistant', content: 'Noted.' },
          { role: 'user', content },
        ],
      }),
    );

  it('is left queued for requests whose last user message lacks the text', async () => {
    context.stub.enqueue({ kind: 'reply', text: 'For test B.', match: '[test-b]' });
    context.stub.enqueue({ kind: 'reply', text: 'For test A.', match: '[test-a]' });

    expect(await ask('Unrelated question about invoices')).not.toMatch(/For test/);
    expect(await ask('[test-a] What about refunds?')).toBe('For test A.');
    expect(await ask('[test-b] What about refunds?')).toBe('For test B.');
    expect(await ask('[test-b] And again?')).not.toMatch(/For test/);
  });

  it('looks only at the last user message, not at earlier turns', async () => {
    context.stub.enqueue({ kind: 'reply', text: 'Matched.', match: '[invoices]' });

    expect(await ask('Something else')).not.toBe('Matched.');
    expect(await ask('Back to [invoices]')).toBe('Matched.');
  });

  it('does not block an unmatched scenario queued behind it', async () => {
    context.stub.enqueue({ kind: 'reply', text: 'Only for C.', match: '[test-c]' });
    context.stub.enqueue({ kind: 'reply', text: 'For anyone.' });

    expect(await ask('Who approves refunds?')).toBe('For anyone.');
    expect(await ask('[test-c] now')).toBe('Only for C.');
  });
});
