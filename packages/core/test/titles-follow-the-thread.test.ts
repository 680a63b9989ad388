import { databaseKinds } from '@analyst/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createThread, getThreadWithMessages, renameThread } from '../src/conversations/threads.ts';
import { openHarness, type Harness } from './harness.ts';

describe.each(databaseKinds)('thread titles on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  async function turn(userId: string, threadId: string, content: string) {
    const events = await h.chat({ userId, threadId, content });
    const thread = await h.db.thread.findUniqueOrThrow({ where: { id: threadId } });
    return { events, title: thread.title, count: thread.messageCount };
  }

  it('rewrites the title when the thread crosses 5 messages and again at 10, not before', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const asks = [
      'We need a loyalty programme for the shop',
      'Members earn points on every purchase',
      'Points expire after a year',
      'Tiers unlock free delivery',
      'Partners can also award points',
    ];
    const seen = [];
    for (const ask of asks) seen.push(await turn(userId, thread.id, ask));

    expect(seen.map((s) => s.count)).toEqual([2, 4, 6, 8, 10]);
    expect(seen[0]?.title).toBe('New thread');
    expect(seen[1]?.title).toBe('New thread');
    const third = seen[2]!;
    expect(third.title).not.toBe('New thread');
    expect(third.events.at(-1)).toEqual({
      id: 'title',
      type: 'title',
      threadId: thread.id,
      title: third.title,
    });
    expect(seen[3]?.events.some((event) => event.type === 'title')).toBe(false);
    expect(seen[3]?.title).toBe(third.title);
    expect(seen[4]?.events.some((event) => event.type === 'title')).toBe(true);

    const titleRows = await h.db.tokenUsage.findMany({ where: { userId, kind: 'title' } });
    expect(titleRows).toHaveLength(2);
    expect(titleRows[0]).toMatchObject({
      model: 'claude-haiku-4-5',
      endpoint: `/threads/${thread.id}/summarize`,
    });
    expect(await h.db.tokenUsage.count({ where: { userId, kind: 'chat' } })).toBe(5);
    const { totalCost } = await getThreadWithMessages({
      deps: h.deps,
      userId,
      threadId: thread.id,
    });
    const ledger = await h.db.tokenUsage.aggregate({ where: { userId }, _sum: { cost: true } });
    expect(totalCost.toFixed()).toBe(ledger._sum.cost?.toFixed());
  });

  it('records the title call at the title model price exactly', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({
      kind: 'reply',
      match: '<conversation>',
      text: '"Supplier Onboarding Checklist."',
      usage: { input_tokens: 500, output_tokens: 8 },
    });

    for (const ask of ['Onboard suppliers', 'Collect tax forms', 'Verify bank details']) {
      await turn(userId, thread.id, ask);
    }

    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId, kind: 'title' } });
    // Haiku 4.5: 500 x $1/M + 8 x $5/M = 0.0005 + 0.00004
    expect(row.cost.toFixed()).toBe('0.00054');
    const thread2 = await h.db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(thread2).toMatchObject({
      title: 'Supplier Onboarding Checklist',
      titleSource: 'generated',
    });
  });

  it('never replaces a title that a person set', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    await turn(userId, thread.id, 'Plan the warehouse move');
    await renameThread({ deps: h.deps, userId, threadId: thread.id, title: 'Warehouse move' });
    const calls = h.stub.requests.length;

    for (const ask of ['Which racks move first', 'Who signs off', 'What about forklifts']) {
      await turn(userId, thread.id, ask);
    }

    const after = await h.db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(after).toMatchObject({ title: 'Warehouse move', titleSource: 'user', messageCount: 8 });
    expect(h.stub.requests.length - calls).toBe(3);
    expect(await h.db.tokenUsage.count({ where: { userId, kind: 'title' } })).toBe(0);
  });

  it('keeps the chat when the title call fails, and tries again at the next turn', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    await turn(userId, thread.id, 'Invoices for partners');
    await turn(userId, thread.id, 'Monthly or weekly');
    h.stub.enqueue({
      kind: 'http-error',
      status: 500,
      errorType: 'api_error',
      match: '<conversation>',
    });

    const third = await turn(userId, thread.id, 'Monthly, in euros');
    const fourth = await turn(userId, thread.id, 'Send them by email');

    expect(third.events.some((event) => event.type === 'complete')).toBe(true);
    expect(third.title).toBe('New thread');
    expect(fourth.title).not.toBe('New thread');
  });

  it('skips the title when the month is used up, so titles never overrun a budget', async () => {
    const userId = await h.createUser('0.02');
    const thread = await h.createThread(userId);
    await turn(userId, thread.id, 'Warranty claims');
    await turn(userId, thread.id, 'Who approves them');
    h.stub.enqueue({
      kind: 'reply',
      match: 'Serial numbers',
      usage: { input_tokens: 2000, output_tokens: 1000 }, // 0.006 + 0.015: past the limit
    });

    const third = await turn(userId, thread.id, 'Serial numbers are required');

    expect(third.count).toBe(6);
    expect(third.title).toBe('New thread');
    expect(await h.db.tokenUsage.count({ where: { userId, kind: 'title' } })).toBe(0);
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('keeps a title given when the thread was created, as a person chose it', async () => {
    const userId = await h.createUser();
    const project = await h.db.project.create({ data: { userId, name: 'Board' } });
    const thread = await createThread({
      deps: h.deps,
      userId,
      projectId: project.id,
      title: 'Q3 board pack',
    });

    for (const ask of ['Cash flow slide', 'Risks slide', 'Hiring slide']) {
      await turn(userId, thread.id, ask);
    }

    const after = await h.db.thread.findUniqueOrThrow({ where: { id: thread.id } });
    expect(after).toMatchObject({ title: 'Q3 board pack', titleSource: 'user' });
    expect(await h.db.tokenUsage.count({ where: { userId, kind: 'title' } })).toBe(0);
  });

  it('tells the client of a title only when its words changed', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    for (let i = 0; i < 2; i += 1) {
      h.stub.enqueue({ kind: 'reply', match: '<conversation>', text: 'Pallet Tracking' });
    }
    const seen = [];
    for (const ask of [
      'Pallet ids',
      'Pallet scans',
      'Pallet moves',
      'Pallet audits',
      'Pallet reports',
    ]) {
      seen.push(await turn(userId, thread.id, ask));
    }

    expect(seen[2]?.events.some((event) => event.type === 'title')).toBe(true);
    expect(seen[4]?.title).toBe('Pallet Tracking');
    expect(seen[4]?.events.some((event) => event.type === 'title')).toBe(false);
    expect(await h.db.tokenUsage.count({ where: { userId, kind: 'title' } })).toBe(2);
  });
});
