import { databaseKinds } from '@analyst/db/testing';
import { readFixture } from '@analyst/model-stub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openHarness, type Harness } from './harness.ts';

describe.each(databaseKinds)('a chat turn on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  it('streams the reply and records its cost exactly as the price table gives it', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({
      kind: 'reply',
      text: 'Who approves refunds above the store limit?',
      usage: { input_tokens: 1200, output_tokens: 300 },
      match: 'refund rules',
    });

    const events = await h.chat({ userId, threadId: thread.id, content: 'Draft the refund rules' });

    expect(events.map((event) => event.type)).toEqual([
      'accepted',
      ...events.filter((event) => event.type === 'delta').map(() => 'delta'),
      'complete',
    ]);
    const text = events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(text).toBe('Who approves refunds above the store limit?');
    const complete = events.at(-1);
    // Sonnet 4.5: 1,200 x $3/M + 300 x $15/M = 0.0036 + 0.0045
    expect(complete).toMatchObject({
      type: 'complete',
      usage: { inputTokens: 1200, outputTokens: 300 },
      cost: '0.0081',
    });

    const rows = await h.db.tokenUsage.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'chat',
      model: 'claude-sonnet-4-5',
      inputTokens: 1200,
      outputTokens: 300,
      endpoint: `/threads/${thread.id}/chat`,
      outcome: 'complete',
    });
    expect(rows[0]?.cost.toFixed()).toBe('0.0081');
    const spend = await h.db.monthlySpend.findMany({ where: { userId } });
    expect(spend[0]?.totalCost.toFixed()).toBe('0.0081');
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);

    const messages = await h.db.message.findMany({
      where: { threadId: thread.id },
      orderBy: [{ createdAt: 'asc' }, { role: 'desc' }],
    });
    expect(messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
  });

  it('takes the output count from the last message_delta, never a sum of them', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({ kind: 'raw', body: readFixture('two-deltas.sse'), match: 'user roles' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'List the user roles' });

    const complete = events.find((event) => event.type === 'complete');
    // claude-sonnet-4-6: 310 x $3/M + 42 x $15/M = 0.00093 + 0.00063
    expect(complete).toMatchObject({
      model: 'claude-sonnet-4-6',
      usage: { inputTokens: 310, outputTokens: 42 },
      cost: '0.00156',
    });
  });

  it('prices 5-minute and 1-hour cache writes each at their own rate', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({ kind: 'raw', body: readFixture('cache-1h.sse'), match: 'cache me' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'cache me please' });

    // Haiku 4.5: 21 x $1/M + 2,000 x $1.25/M + 4,000 x $2/M + 3 x $5/M
    expect(events.find((event) => event.type === 'complete')).toMatchObject({
      cost: '0.010536',
      usage: { inputTokens: 21, cacheCreationInputTokens: 6000, outputTokens: 3 },
    });
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect([row.cacheCreation5mInputTokens, row.cacheCreation1hInputTokens]).toEqual([2000, 4000]);
    expect(row.priceEntry).toMatch(/^claude-haiku-4-5@/);
  });

  it('charges cache reads at the read rate and not again as input', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({ kind: 'raw', body: readFixture('text-reply.sse'), match: 'approver' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'Who is the approver?' });

    // Sonnet 4.5: 472 x $3/M + 2,048 x $0.30/M + 11 x $15/M = 0.001416 + 0.0006144 + 0.000165
    expect(events.find((event) => event.type === 'complete')).toMatchObject({
      cost: '0.0021954',
      usage: { inputTokens: 472, cacheReadInputTokens: 2048, outputTokens: 11 },
    });
  });

  it('prices an unknown model at the fallback rates, never as free', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const unknown = h.deps.prices;
    const body = readFixture('text-reply.sse').replace(
      'claude-sonnet-4-5-20250929',
      'claude-zzz-9',
    );
    h.stub.enqueue({ kind: 'raw', body, match: 'mystery' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'mystery model' });

    const complete = events.find((event) => event.type === 'complete');
    expect(complete?.type === 'complete' && Number(complete.cost)).toBeGreaterThan(0);
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row.priceEntry.startsWith('fallback:')).toBe(true);
    expect(unknown.loggedUnknownModels.has('claude-zzz-9')).toBe(true);
  });

  it('sends only the most recent messages of a long thread, oldest first', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const start = Date.parse('2026-01-01T00:00:00Z');
    await h.db.message.createMany({
      data: Array.from({ length: 80 }, (_, i) => ({
        threadId: thread.id,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content: `message ${String(i)}`,
        createdAt: new Date(start + i * 1000),
      })),
    });
    const before = h.stub.requests.length;

    await h.chat({ userId, threadId: thread.id, content: 'the newest question' });

    const sent = h.stub.requests[before]?.body.messages ?? [];
    expect(sent.length).toBeLessThanOrEqual(60);
    expect(sent.at(-1)).toMatchObject({ role: 'user', content: 'the newest question' });
    expect(sent.at(-2)).toMatchObject({ role: 'assistant', content: 'message 79' });
    expect(sent[0]?.role).toBe('user');
  });
});
