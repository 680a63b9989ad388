import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chat, createClient, signUp, startTestServer } from './harness.ts';

describe('a refused chat over SSE', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({
      env: { DATA_DIR: 'memory', ANALYST_DEFAULT_MONTHLY_BUDGET_USD: '0.005' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('is TOO_MANY_REQUESTS with the reset date, before any event and the model', async () => {
    const client = createClient(server.url, { cookie: await signUp(server.url, 'cy@example.com') });
    const project = await client.projects.create.mutate({ name: 'Budget' });
    const thread = await client.threads.create.mutate({ projectId: project.id });
    server.stub.enqueue({
      kind: 'reply',
      usage: { input_tokens: 1200, output_tokens: 300 },
      match: 'first',
    });
    const first = await chat(client, { threadId: thread.id, content: 'first question' });
    const calls = server.stub.requests.length;

    const refused = await chat(client, { threadId: thread.id, content: 'second question' });

    expect(first.events.find((e) => e.type === 'complete')).toMatchObject({ cost: '0.0081' });
    expect(refused.events).toEqual([]);
    expect(refused.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
    const nextMonth = new Date();
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1, 1);
    expect(refused.error?.message).toContain(nextMonth.toISOString().slice(0, 10));
    expect(server.stub.requests.length).toBe(calls);
    const stored = await client.threads.get.query({ threadId: thread.id });
    expect(stored.messages).toHaveLength(2);
    expect(await client.checkBudget.query()).toMatchObject({
      allowed: false,
      spent: '0.0081',
      limit: '0.005',
      remaining: '0',
    });
  });
});

describe('a restart on the same data directory', () => {
  it('keeps accounts, projects, threads, messages and usage', async () => {
    const first = await startTestServer();
    const cookie = await signUp(first.url, 'dee@example.com');
    const client = createClient(first.url, { cookie });
    const project = await client.projects.create.mutate({ name: 'Persisted' });
    const thread = await client.threads.create.mutate({ projectId: project.id });
    await chat(client, {
      threadId: thread.id,
      content: 'Remember me',
      clientMessageId: randomUUID(),
    });
    const before = await client.threads.get.query({ threadId: thread.id });
    await first.close({ keepData: true, keepStub: true });

    const second = await startTestServer({ dataDir: first.dataDir, stub: first.stub });
    try {
      const again = createClient(second.url, { cookie });
      const after = await again.threads.get.query({ threadId: thread.id });
      const usage = await again.getMonthlyUsage.query();

      expect(second.app.database.migrations.applied).toEqual([]);
      expect(after.messages).toEqual(before.messages);
      expect(usage.totalRequests).toBe(1);
      expect(usage.totalCost).toBe(before.messages[1]?.usage?.cost);
    } finally {
      await second.close();
      await first.stub.close();
      const { rm } = await import('node:fs/promises');
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
