import { randomUUID } from 'node:crypto';

import { databaseKinds } from '@analyst/db/testing';
import { readFixture } from '@analyst/model-stub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startChatTurn } from '../src/chat/start-chat-turn.ts';
import { TurnHub } from '../src/chat/turn-hub.ts';
import { stopChatTurn } from '../src/chat/stop-chat-turn.ts';
import type { ChatEvent } from '../src/chat/chat-events.ts';
import { estimateTokens } from '../src/usage/estimate-tokens.ts';
import { openHarness, type Harness } from './harness.ts';

describe.each(databaseKinds)('when a reply breaks on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind, { settings: { upstreamIdleTimeoutMs: 400 } });
  });
  afterAll(async () => {
    await h.close();
  });

  async function assistantOf(threadId: string) {
    return h.db.message.findFirstOrThrow({ where: { threadId, role: 'assistant' } });
  }

  it('bills an overloaded error mid-stream from message_start and the text delivered', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({
      kind: 'raw',
      body: readFixture('overloaded-mid-stream.sse'),
      match: 'export',
    });

    const events = await h.chat({ userId, threadId: thread.id, content: 'Acceptance for export' });

    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'OVERLOADED' });
    const assistant = await assistantOf(thread.id);
    expect(assistant).toMatchObject({
      status: 'partial',
      content: 'The acceptance criteria for the export feature',
    });
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    // 46 characters delivered -> 12 output tokens counted; Sonnet 4.5:
    // 1,290 x $3/M + 12 x $15/M = 0.00387 + 0.00018
    expect(row).toMatchObject({ inputTokens: 1290, outputTokens: 12, outcome: 'partial' });
    expect(row.cost.toFixed()).toBe('0.00405');
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('bills a stream cut after three deltas by counting the text that arrived', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({ kind: 'cut', afterDeltas: 3, match: 'cut me' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'cut me off' });

    const deltas = events.filter((event) => event.type === 'delta');
    expect(deltas).toHaveLength(3);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'CONNECTION' });
    const assistant = await assistantOf(thread.id);
    expect(assistant.status).toBe('partial');
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row.outputTokens).toBe(estimateTokens(assistant.content));
    expect(row.inputTokens).toBeGreaterThan(0);
    expect(row.outcome).toBe('partial');
  });

  it('gives up on an upstream that stops answering and bills what arrived', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({ kind: 'hang', afterDeltas: 2, match: 'hang on' });

    const events = await h.chat({ userId, threadId: thread.id, content: 'hang on a moment' });

    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'TIMEOUT' });
    const assistant = await assistantOf(thread.id);
    expect(assistant.status).toBe('partial');
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row.outputTokens).toBe(estimateTokens(assistant.content));
  });

  it('aborts the upstream when the client leaves, keeps the partial reply and bills it', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({ kind: 'hang', afterDeltas: 2, match: 'leave early' });
    const client = new AbortController();

    const events = await startChatTurn({
      deps: h.deps,
      hub: h.hub,
      input: {
        userId,
        threadId: thread.id,
        clientMessageId: randomUUID(),
        content: 'I will leave early',
        signal: client.signal,
      },
    });
    let deltas = 0;
    for await (const event of events) {
      if (event.type === 'delta') deltas += 1;
      if (deltas === 2) client.abort();
    }
    await h.hub.drain(5_000);

    const assistant = await assistantOf(thread.id);
    expect(assistant.status).toBe('partial');
    expect(assistant.content.length).toBeGreaterThan(0);
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row).toMatchObject({
      outcome: 'partial',
      outputTokens: estimateTokens(assistant.content),
    });
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('records no charge and frees the reservation when the upstream refuses before replying', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    h.stub.enqueue({
      kind: 'http-error',
      status: 529,
      errorType: 'overloaded_error',
      match: 'busy',
    });

    const events = await h.chat({ userId, threadId: thread.id, content: 'busy upstream' });

    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'OVERLOADED' });
    expect((await assistantOf(thread.id)).status).toBe('failed');
    expect(await h.db.tokenUsage.count({ where: { userId } })).toBe(0);
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('answers a resent clientMessageId from the stored turn without calling the model again', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    const before = h.stub.requests.length;

    const first = await h.chat({
      userId,
      threadId: thread.id,
      content: 'Scope the MVP',
      clientMessageId,
    });
    const second = await h.chat({
      userId,
      threadId: thread.id,
      content: 'Scope the MVP',
      clientMessageId,
    });

    const chatCalls = h.stub.requests
      .slice(before)
      .filter((r) => r.body.model === 'claude-sonnet-4-5');
    expect(chatCalls).toHaveLength(1);
    expect(await h.db.message.count({ where: { threadId: thread.id } })).toBe(2);
    expect(await h.db.tokenUsage.count({ where: { userId } })).toBe(1);
    const text = (events: typeof first) =>
      events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(text(second)).toBe(text(first));
    expect(second.find((e) => e.type === 'complete')).toEqual(
      first.find((e) => e.type === 'complete'),
    );
  });

  it('resumes a reconnecting client after its last event id', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    const first = await h.chat({
      userId,
      threadId: thread.id,
      content: 'Resume me',
      clientMessageId,
    });
    const firstDelta = first.find((event) => event.type === 'delta');

    const resumed = await h.chat({
      userId,
      threadId: thread.id,
      content: 'Resume me',
      clientMessageId,
      lastEventId: firstDelta?.id,
    });

    const text = (events: typeof first) =>
      events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(resumed.some((event) => event.type === 'accepted')).toBe(false);
    expect(resumed.at(-1)?.type).toBe('complete');
    expect((firstDelta?.type === 'delta' ? firstDelta.text : '') + text(resumed)).toBe(text(first));
  });

  it('resumes from the stored reply when the turn ran in another process', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    const first = await h.chat({
      userId,
      threadId: thread.id,
      content: 'Elsewhere',
      clientMessageId,
    });
    const firstDelta = first.find((event) => event.type === 'delta');
    const otherProcess = new TurnHub();

    const resumed = await startChatTurn({
      deps: h.deps,
      hub: otherProcess,
      input: {
        userId,
        threadId: thread.id,
        clientMessageId,
        content: 'Elsewhere',
        lastEventId: firstDelta?.id,
      },
    });
    const events = [];
    for await (const event of resumed) events.push(event);

    const text = (list: typeof first) =>
      list.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(events.map((event) => event.type)).toEqual(['delta', 'complete']);
    expect((firstDelta?.type === 'delta' ? firstDelta.text : '') + text(events)).toBe(text(first));
    expect(events[1]).toEqual(first.find((event) => event.type === 'complete'));
  });

  it('calls the model once when the same clientMessageId arrives twice at the same moment', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    const before = h.stub.requests.length;

    const [a, b] = await Promise.all([
      h.chat({ userId, threadId: thread.id, content: 'Twice at once', clientMessageId }),
      h.chat({ userId, threadId: thread.id, content: 'Twice at once', clientMessageId }),
    ]);

    const chatCalls = h.stub.requests
      .slice(before)
      .filter((r) => r.body.model === 'claude-sonnet-4-5');
    expect(chatCalls).toHaveLength(1);
    expect(await h.db.message.count({ where: { threadId: thread.id } })).toBe(2);
    expect(await h.db.tokenUsage.count({ where: { userId } })).toBe(1);
    expect(a.find((e) => e.type === 'complete')).toEqual(b.find((e) => e.type === 'complete'));
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('lets a client whose connection dropped rejoin the reply within the grace', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    h.stub.enqueue({ kind: 'reply', match: 'blip', deltaDelayMs: 60 });
    const before = h.stub.requests.length;
    const dropped = new AbortController();
    const input = { userId, threadId: thread.id, clientMessageId, content: 'a network blip' };

    const first = await startChatTurn({
      deps: h.deps,
      hub: h.hub,
      input: { ...input, signal: dropped.signal },
    });
    const seen: ChatEvent[] = [];
    for await (const event of first) {
      seen.push(event);
      if (seen.length === 3) dropped.abort();
    }
    const rejoined = await startChatTurn({
      deps: h.deps,
      hub: h.hub,
      input: { ...input, lastEventId: seen.at(-1)?.id },
    });
    for await (const event of rejoined) seen.push(event);

    const text = seen.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    const reply = await h.db.message.findFirstOrThrow({
      where: { threadId: thread.id, role: 'assistant' },
    });
    expect(seen.at(-1)?.type).toBe('complete');
    expect(reply).toMatchObject({ status: 'complete', content: text });
    expect(h.stub.requests.length - before).toBe(1);
  });

  it('stops at once when the person asks, keeping and billing what arrived', async () => {
    const userId = await h.createUser();
    const thread = await h.createThread(userId);
    const clientMessageId = randomUUID();
    h.stub.enqueue({ kind: 'hang', afterDeltas: 2, match: 'stop now' });

    const events = await startChatTurn({
      deps: h.deps,
      hub: h.hub,
      input: { userId, threadId: thread.id, clientMessageId, content: 'stop now please' },
    });
    const seen: ChatEvent[] = [];
    for await (const event of events) {
      seen.push(event);
      if (seen.filter((e) => e.type === 'delta').length === 2 && seen.length === 3) {
        await stopChatTurn({
          deps: h.deps,
          hub: h.hub,
          userId,
          threadId: thread.id,
          clientMessageId,
        });
      }
    }

    expect(seen.at(-1)).toMatchObject({ type: 'error', code: 'ABORTED' });
    const reply = await h.db.message.findFirstOrThrow({
      where: { threadId: thread.id, role: 'assistant' },
    });
    expect(reply).toMatchObject({ status: 'partial', endReason: 'ABORTED' });
    const row = await h.db.tokenUsage.findFirstOrThrow({ where: { userId } });
    expect(row.outputTokens).toBe(estimateTokens(reply.content));
  });
});
