import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chat, createClient, signUp, startTestServer, type Client } from './harness.ts';

describe('the server over HTTP and SSE', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let ann: Client;
  let bob: Client;

  beforeAll(async () => {
    server = await startTestServer();
    ann = createClient(server.url, { cookie: await signUp(server.url, 'ann@example.com') });
    bob = createClient(server.url, { cookie: await signUp(server.url, 'bob@example.com') });
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers /healthz once the database is migrated', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });

  it('streams a chat as tracked events and records its exact cost', async () => {
    const project = await ann.projects.create.mutate({ name: 'Loyalty', description: 'Points' });
    const thread = await ann.threads.create.mutate({ projectId: project.id });
    server.stub.enqueue({
      kind: 'reply',
      text: 'Points should expire after twelve months of inactivity.',
      usage: { input_tokens: 1200, output_tokens: 300 },
      match: 'expiry',
    });

    const { events, error } = await chat(ann, { threadId: thread.id, content: 'Point expiry?' });

    expect(error).toBeNull();
    expect(events[0]).toMatchObject({ type: 'accepted' });
    const text = events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
    expect(text).toBe('Points should expire after twelve months of inactivity.');
    expect(events.find((event) => event.type === 'complete')).toMatchObject({
      model: 'claude-sonnet-4-5',
      usage: {
        inputTokens: 1200,
        outputTokens: 300,
        cacheCreationInputTokens: 0,
        cacheReadInputTokens: 0,
      },
      cost: '0.0081',
    });

    const stored = await ann.threads.get.query({ threadId: thread.id });
    expect(stored.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(stored.messages[1]?.usage?.cost).toBe('0.0081');
    const usage = await ann.getMonthlyUsage.query();
    expect(usage).toMatchObject({ totalCost: '0.0081', totalRequests: 1, totalInputTokens: 1200 });
    expect(usage.byModel).toEqual([
      expect.objectContaining({ model: 'claude-sonnet-4-5', cost: '0.0081', requests: 1 }),
    ]);
    const budget = await ann.checkBudget.query();
    expect(budget).toMatchObject({
      allowed: true,
      spent: '0.0081',
      limit: '50',
      remaining: '49.9919',
    });
  });

  it('hides another user’s thread and project behind NOT_FOUND', async () => {
    const project = await ann.projects.create.mutate({ name: 'Private' });
    const thread = await ann.threads.create.mutate({ projectId: project.id });

    await expect(bob.threads.get.query({ threadId: thread.id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    await expect(bob.threads.list.query({ projectId: project.id })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
    const { error } = await chat(bob, { threadId: thread.id, content: 'Let me in' });
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
    expect(await server.app.deps.db.message.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it('refuses an empty message with BAD_REQUEST and stores nothing', async () => {
    const project = await ann.projects.create.mutate({ name: 'Empty' });
    const thread = await ann.threads.create.mutate({ projectId: project.id });
    const calls = server.stub.requests.length;

    const empty = await chat(ann, { threadId: thread.id, content: '' });
    const blank = await chat(ann, { threadId: thread.id, content: '   \n ' });

    expect(empty.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(blank.error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(server.stub.requests.length).toBe(calls);
    expect(await server.app.deps.db.message.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it('asks for a session on every procedure', async () => {
    const anonymous = createClient(server.url, {});
    await expect(anonymous.projects.list.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    const { error } = await chat(anonymous, { threadId: 'x', content: 'hi' });
    expect(error).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('keeps and bills the partial reply when the client disconnects mid-stream', async () => {
    const project = await ann.projects.create.mutate({ name: 'Leaving' });
    const thread = await ann.threads.create.mutate({ projectId: project.id });
    server.stub.enqueue({ kind: 'hang', afterDeltas: 3, match: 'walk away' });
    let deltas = 0;

    await chat(ann, { threadId: thread.id, content: 'I walk away' }, (event, stop) => {
      if (event.type === 'delta' && ++deltas === 3) stop();
    });

    const db = server.app.deps.db;
    const deadline = Date.now() + 5_000;
    while ((await db.tokenUsage.count({ where: { threadId: thread.id } })) === 0) {
      if (Date.now() > deadline) throw new Error('the partial reply was never billed');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const reply = await db.message.findFirstOrThrow({
      where: { threadId: thread.id, role: 'assistant' },
    });
    const row = await db.tokenUsage.findFirstOrThrow({ where: { threadId: thread.id } });
    expect(reply.status).toBe('partial');
    expect(reply.content.length).toBeGreaterThan(0);
    expect(row).toMatchObject({
      outcome: 'partial',
      outputTokens: Math.ceil(reply.content.length / 4),
    });
    expect(await db.budgetReservation.count()).toBe(0);
  });

  it('sends a failed upstream as an error event and keeps what arrived', async () => {
    const project = await ann.projects.create.mutate({ name: 'Flaky' });
    const thread = await ann.threads.create.mutate({ projectId: project.id });
    server.stub.enqueue({ kind: 'error-mid-stream', afterDeltas: 2, match: 'flaky' });

    const { events } = await chat(ann, { threadId: thread.id, content: 'flaky upstream' });

    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'OVERLOADED' });
    const stored = await ann.threads.get.query({ threadId: thread.id });
    expect(stored.messages[1]).toMatchObject({ status: 'partial', endReason: 'OVERLOADED' });
    expect(stored.messages[1]?.usage?.outcome).toBe('partial');
    expect(stored.totalCost).toBe(stored.messages[1]?.usage?.cost);
  });

  it('accepts a bearer token made for scripts', async () => {
    const { createApiToken } = await import('@analyst/core');
    const { token } = await createApiToken({ deps: server.app.deps, email: 'ann@example.com' });
    const script = createClient(server.url, { authorization: `Bearer ${token}` });
    const wrong = createClient(server.url, { authorization: 'Bearer anl_not-a-token' });

    const projects = await script.projects.list.query();

    expect(projects.map((p) => p.name)).toContain('Loyalty');
    await expect(wrong.projects.list.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
  });
});

describe('what the server answers besides the API', () => {
  it('serves the app for a deep link so a reload keeps the page', async () => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dist = await mkdtemp(path.join(tmpdir(), 'analyst-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Analyst</title>');
    const server = await startTestServer({ env: { DATA_DIR: 'memory', ANALYST_WEB_DIST: dist } });
    try {
      const deep = await fetch(`${server.url}/projects/abc/threads/def`);
      const missingAsset = await fetch(`${server.url}/assets/missing.js`);
      const escape = await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`);

      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('<title>Analyst</title>');
      expect(missingAsset.status).toBe(404);
      expect(await escape.text()).toContain('<title>Analyst</title>');
    } finally {
      await server.close();
      await rm(dist, { recursive: true, force: true });
    }
  });

  it('names each field of bad input in a BAD_REQUEST', async () => {
    const server = await startTestServer({ env: { DATA_DIR: 'memory' } });
    try {
      const client = createClient(server.url, {
        cookie: await signUp(server.url, 'fay@example.com'),
      });
      await expect(client.projects.create.mutate({ name: '   ' })).rejects.toMatchObject({
        message: 'A project needs a name.',
        data: {
          code: 'BAD_REQUEST',
          issues: [{ path: 'name', message: 'A project needs a name.' }],
        },
      });
      expect(await client.projects.list.query()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('input at the edges of the contract', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let client: Client;
  let cookie: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { DATA_DIR: 'memory' } });
    cookie = await signUp(server.url, 'gus@example.com');
    client = createClient(server.url, { cookie });
  });
  afterAll(async () => {
    await server.close();
  });

  it('accepts a message of 32,000 characters that encode to many bytes each', async () => {
    const project = await client.projects.create.mutate({ name: 'Long' });
    const thread = await client.threads.create.mutate({ projectId: project.id });

    const longest = await chat(client, { threadId: thread.id, content: '中'.repeat(32_000) });
    const tooLong = await chat(client, { threadId: thread.id, content: '中'.repeat(32_001) });

    expect(longest.error).toBeNull();
    expect(longest.events.at(-1)?.type).toBe('complete');
    expect(tooLong.error).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses a NUL character as bad input instead of failing in the database', async () => {
    await expect(client.projects.create.mutate({ name: 'a\u0000b' })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
    });
    expect((await client.projects.list.query()).map((p) => p.name)).toEqual(['Long']);
  });

  it('ignores the session cookie on a request another site started', async () => {
    const response = await fetch(`${server.url}/trpc/projects.list`, {
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    const sameSite = await fetch(`${server.url}/trpc/projects.list`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });

    expect(response.status).toBe(401);
    expect(sameSite.status).toBe(200);
  });

  it('refuses a request body over a megabyte without reading it all', async () => {
    const response = await fetch(`${server.url}/trpc/projects.create`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });

    expect(response.status).toBe(413);
  });
});

describe('record ids in inputs', () => {
  it('takes { id } as well as { projectId } or { threadId }', async () => {
    const server = await startTestServer({ env: { DATA_DIR: 'memory' } });
    try {
      const client = createClient(server.url, {
        cookie: await signUp(server.url, 'hal@example.com'),
      });
      const project = await client.projects.create.mutate({ name: 'Alias' });
      const thread = await client.threads.create.mutate({ projectId: project.id });
      const raw = (procedure: string, input: unknown) =>
        (
          client as unknown as Record<
            string,
            Record<string, { mutate(i: unknown): Promise<unknown> }>
          >
        )[procedure.split('.')[0]!]![procedure.split('.')[1]!]!.mutate(input);

      const query = (procedure: string, input: unknown) =>
        (
          client as unknown as Record<
            string,
            Record<string, { query(i: unknown): Promise<unknown> }>
          >
        )[procedure.split('.')[0]!]![procedure.split('.')[1]!]!.query(input);
      const second = (await raw('threads.create', { id: project.id })) as { projectId: string };
      const listed = (await query('threads.list', { id: project.id })) as unknown[];
      const firstPage = (await query('usage.list', { cursor: null })) as { rows: unknown[] };
      await raw('projects.update', { id: project.id, description: 'Kept' });
      await raw('projects.update', { id: project.id, description: null });
      expect(second.projectId).toBe(project.id);
      expect(listed).toHaveLength(2);
      expect(firstPage.rows).toEqual([]);
      expect((await client.projects.list.query())[0]?.description).toBe('');

      await raw('threads.rename', { id: thread.id, title: 'Renamed by id' });
      await raw('projects.update', { id: project.id, name: 'Alias 2' });
      const renamed = await client.threads.get.query({ threadId: thread.id });
      await raw('threads.delete', { id: thread.id });
      await raw('projects.delete', { id: project.id });

      expect(renamed.title).toBe('Renamed by id');
      expect(await client.projects.list.query()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
