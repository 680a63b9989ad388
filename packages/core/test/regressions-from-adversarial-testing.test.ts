import { randomUUID } from 'node:crypto';

import { readFixture } from '@analyst/model-stub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startChatTurn } from '../src/chat/start-chat-turn.ts';
import { TurnHub } from '../src/chat/turn-hub.ts';
import { deleteThread } from '../src/conversations/threads.ts';
import { openHarness, type Harness } from './harness.ts';

describe('a chat turn under hostile conditions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('pglite');
  });
  afterAll(async () => {
    await h.close();
  });

  it('still bills the reply when its thread is deleted mid-stream, and frees the hold', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({
      kind: 'reply',
      match: 'delete me',
      deltaDelayMs: 30,
      usage: { input_tokens: 1200, output_tokens: 300 },
    });
    const events = await startChatTurn({
      deps: h.deps,
      hub: h.hub,
      input: { userId, threadId: thread.id, clientMessageId: randomUUID(), content: 'delete me' },
    });

    const seen = [];
    for await (const event of events) {
      seen.push(event);
      if (seen.length === 3) await deleteThread({ deps: h.deps, userId, threadId: thread.id });
    }
    await h.hub.drain(5_000);

    expect(seen.at(-1)).toMatchObject({ type: 'error', code: 'INTERNAL' });
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row).toMatchObject({ threadId: null, messageId: null, inputTokens: 1200 });
    expect(row.cost.toFixed()).toBe('0.0081');
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('treats a stream that ends without message_stop as cut short, not complete', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const full = readFixture('text-reply.sse');
    const truncated = full.slice(0, full.indexOf('event: content_block_stop'));
    h.stub.enqueue({ kind: 'raw', body: truncated, match: 'truncated' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'truncated body' });

    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'CONNECTION' });
    const reply = await h.db.message.findFirstOrThrow({
      where: { threadId: thread.id, role: 'assistant' },
    });
    expect(reply.status).toBe('partial');
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    // 472 input and 2,048 cache reads from message_start; 55 characters delivered -> 14 tokens.
    expect(row).toMatchObject({ inputTokens: 472, cacheReadInputTokens: 2048, outputTokens: 14 });
  });

  it('bills from the good counts when the upstream reports a malformed one', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({
      kind: 'reply',
      match: 'malformed',
      usage: { input_tokens: -5, output_tokens: 300 },
    });

    const events = await h.chat({ userId, threadId: thread.id, content: 'malformed usage' });

    expect(events.at(-1)?.type).not.toBe('error');
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row).toMatchObject({ inputTokens: 0, outputTokens: 300 });
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('ends a resent message whose process died with a failed reply instead of waiting forever', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    // What a process leaves when it dies mid-reply: the question, and no reply or live hold.
    await h.db.message.create({
      data: { threadId: thread.id, role: 'user', content: 'Orphaned', clientMessageId },
    });

    const events = await startChatTurn({
      deps: h.deps,
      hub: new TurnHub(),
      input: { userId, threadId: thread.id, clientMessageId, content: 'Orphaned' },
    });
    const seen = [];
    for await (const event of events) seen.push(event);

    expect(seen.map((event) => event.type)).toEqual(['accepted', 'error']);
    const replies = await h.db.message.findMany({
      where: { threadId: thread.id, role: 'assistant' },
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ status: 'failed', content: '' });
  });

  it('sends nothing again to a client whose last event was the title', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    await h.chat({ userId, threadId: thread.id, content: 'All seen', clientMessageId });

    const events = await startChatTurn({
      deps: h.deps,
      hub: new TurnHub(),
      input: {
        userId,
        threadId: thread.id,
        clientMessageId,
        content: 'All seen',
        lastEventId: 'title',
      },
    });
    const seen = [];
    for await (const event of events) seen.push(event);

    expect(seen).toEqual([]);
  });

  it('refuses a reused clientMessageId that carries a different message', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    await h.chat({ userId, threadId: thread.id, content: 'First words', clientMessageId });

    const reused = h.chat({ userId, threadId: thread.id, content: 'Other words', clientMessageId });

    await expect(reused).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.db.message.count({ where: { threadId: thread.id } })).toBe(2);
  });
});
