import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

import { openTestDatabase } from '@analyst/db/testing';
import { startModelStub, type ModelStub } from '@analyst/model-stub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chat, createClient, signUp } from './harness.ts';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** Starts a real server process and resolves with its URL once it listens. */
async function spawnServer(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    },
    stdio: ['ignore', 'pipe', 'inherit'] as const,
  });
  let buffer = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${String(code)}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /"url":"(http:\/\/127\.0\.0\.1:\d+)","ms"/.exec(buffer);
      if (match?.[1]) resolve(match[1]);
    });
  });
  child.stdout.resume();
  return { url, child };
}

describe('two server processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let stub: ModelStub;
  let servers: { url: string; child: ChildProcess }[];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    stub = await startModelStub();
    const env = {
      DATABASE_URL: database.url ?? '',
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_BASE_URL: stub.url,
      ANALYST_MODEL_MAX_RETRIES: '0',
      BETTER_AUTH_SECRET: 'a-secret-shared-by-both-processes-0123456789',
    };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await once(server.child, 'exit');
    }
    await stub.close();
    await database.close();
  });

  it('admits one of 20 concurrent chats split across both when there is room for one', async () => {
    const [a, b] = [servers[0]!, servers[1]!];
    const cookie = await signUp(a.url, 'eve@example.com');
    const clients = [createClient(a.url, { cookie }), createClient(b.url, { cookie })];
    const project = await clients[0]!.projects.create.mutate({ name: 'Race' });
    const threads = await Promise.all(
      Array.from({ length: 20 }, () =>
        clients[0]!.threads.create.mutate({ projectId: project.id }),
      ),
    );
    const user = await database.prisma.user.findUniqueOrThrow({
      where: { email: 'eve@example.com' },
    });
    await database.prisma.user.update({
      where: { id: user.id },
      data: { monthlyBudgetUsd: '0.01' },
    });
    for (let i = 0; i < 20; i += 1) {
      stub.enqueue({
        kind: 'reply',
        match: 'race',
        deltaDelayMs: 20,
        usage: { input_tokens: 2000, output_tokens: 800 }, // 0.006 + 0.012 = 0.018 on Sonnet 4.5
      });
    }

    const outcomes = await Promise.all(
      threads.map((thread, i) =>
        chat(clients[i % 2]!, { threadId: thread.id, content: 'race me' }),
      ),
    );
    stub.reset();

    const admitted = outcomes.filter((o) => o.events.some((e) => e.type === 'complete'));
    const refused = outcomes.filter((o) => o.error?.code === 'TOO_MANY_REQUESTS');
    expect(admitted).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const budget = await clients[1]!.checkBudget.query();
    expect(budget).toMatchObject({ spent: '0.018', reserved: '0', allowed: false });
    expect(await database.prisma.message.count({ where: { role: 'user' } })).toBe(1);
  });
});
