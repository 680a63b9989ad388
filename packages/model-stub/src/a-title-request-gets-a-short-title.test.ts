import { describe, expect, it } from 'vitest';

import { model, useModelStub } from '../test/use-model-stub';

const titleSystem =
  'Write a concise thread title (3 to 7 words) for this conversation. Reply with the title only.';

describe('a title request', () => {
  const context = useModelStub();
  const title = (content: string) =>
    context.client.messages
      .stream({ model, max_tokens: 30, system: titleSystem, messages: [{ role: 'user', content }] })
      .finalText();

  it('gets three to seven words drawn from the conversation, without quotes or end punctuation', async () => {
    const conversations = [
      'As a buyer I want to export purchase orders to Excel so that finance can reconcile invoices.',
      "Who approves a refund above the store manager's limit?",
      'Export to CSV',
      'hi',
      'User: We need a dashboard of late deliveries per warehouse.\nAssistant: Which warehouses?',
    ];

    for (const conversation of conversations) {
      const text = await title(conversation);
      const words = text.split(' ');
      expect(words.length, text).toBeGreaterThanOrEqual(3);
      expect(words.length, text).toBeLessThanOrEqual(7);
      expect(text).not.toMatch(/["“”]|[.!?,;:]$/);
    }
    expect(await title(conversations[0]!)).toMatch(/^Export purchase orders/);
  });

  it("comes from the person's turns of a transcript, not from the assistant's", async () => {
    const transcript = [
      '<conversation>',
      'Analyst: How should guest checkout treat saved payment methods?',
      '',
      'Assistant: **Risks and assumptions**\n- *Risk:* duplicate invoices during bulk imports.',
      '</conversation>',
    ].join('\n');

    const text = await title(transcript);

    expect(text).toMatch(/guest checkout|saved payment methods/i);
    expect(text).not.toMatch(/invoices|imports/i);
  });

  it('is the same title every time for the same conversation', async () => {
    const content = 'We need a dashboard of late deliveries per warehouse.';

    expect(await title(content)).toBe(await title(content));
  });
});
