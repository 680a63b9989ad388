import { describe, expect, it } from 'vitest';

import { model, textOf, useModelStub } from '../test/use-model-stub';

const system = 'You are a business analyst assistant.\n\nProject: Acme Refunds';
const questions = [
  "Who approves a refund above the store manager's limit?",
  'As a buyer I want to export purchase orders to Excel so that finance can reconcile invoices.',
  'What are the acceptance criteria for the password reset flow?',
  'List the risks of migrating the customer database to the new CRM.',
  'We need a dashboard showing late deliveries per warehouse.',
  'How should the onboarding checklist handle contractors?',
  'Export to CSV',
  'hi',
];

describe('replies', () => {
  const context = useModelStub();
  const ask = async (question: string) =>
    textOf(
      await context.client.messages.create({
        model,
        max_tokens: 1024,
        system,
        messages: [{ role: 'user', content: question }],
      }),
    );

  it('are the same for the same request', async () => {
    const first = await context.client.messages
      .stream({
        model,
        max_tokens: 1024,
        system,
        messages: [{ role: 'user', content: questions[0]! }],
      })
      .finalText();
    const second = await context.client.messages
      .stream({
        model,
        max_tokens: 1024,
        system,
        messages: [{ role: 'user', content: questions[0]! }],
      })
      .finalText();

    expect(second).toBe(first);
  });

  it('never repeat the question back verbatim', async () => {
    for (const question of questions.filter((text) => text.length > 20)) {
      const reply = await ask(question);
      expect(reply.toLowerCase()).not.toContain(question.toLowerCase());
      expect(reply.toLowerCase()).not.toContain(question.slice(0, 30).toLowerCase());
    }
  });

  it('read as a short analyst answer built from the terms of the question', async () => {
    const reply = await ask(
      'As a buyer I want to export purchase orders to Excel so that finance can reconcile invoices.',
    );

    expect(reply).toContain('export purchase orders');
    expect(reply).toMatch(/^- /m);
    expect(reply).toMatch(/\?/);
    expect(reply).toMatch(/\*\*[^*]+\*\*/);
  });

  it('stay between 60 and 160 words, whatever the question', async () => {
    for (const question of questions) {
      const words = (await ask(question)).split(/\s+/).length;
      expect(words, question).toBeGreaterThanOrEqual(60);
      expect(words, question).toBeLessThanOrEqual(160);
    }
  });

  it('take different shapes for different questions', async () => {
    const headings = new Set<string>();
    for (const question of questions) {
      const heading =
        /\*\*(User stories|Acceptance criteria|Risks and assumptions|Proposed scope)\*\*/.exec(
          await ask(question),
        );
      headings.add(heading?.[1] ?? 'none');
    }

    expect(headings.has('none')).toBe(false);
    expect(headings.size).toBeGreaterThanOrEqual(3);
  });

  it('name the project from the system prompt when it gives one', async () => {
    const replies = await Promise.all(questions.map(ask));

    expect(replies.some((reply) => reply.includes('Acme Refunds'))).toBe(true);
  });
});
