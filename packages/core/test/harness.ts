import { randomUUID } from 'node:crypto';

import { openTestDatabase, type DatabaseKind } from '@analyst/db/testing';
import { startModelStub, type ModelStub } from '@analyst/model-stub';
import Decimal from 'decimal.js';
import pino from 'pino';

import type { Clock } from '../src/clock.ts';
import type { ChatDeps, CoreSettings } from '../src/deps.ts';
import { createAnthropicModel } from '../src/model/anthropic-model.ts';
import { loadPriceTable } from '../src/pricing/index.ts';
import { startChatTurn } from '../src/chat/start-chat-turn.ts';
import { TurnHub } from '../src/chat/turn-hub.ts';
import type { ChatEvent } from '../src/chat/chat-events.ts';
import { trackTokenUsage } from '../src/usage/track-token-usage.ts';

export const testSettings: CoreSettings = {
  chatModel: 'claude-sonnet-4-5',
  titleModel: 'claude-haiku-4-5',
  defaultMonthlyBudgetUsd: new Decimal(50),
  titleInterval: 5,
  maxOutputTokens: 1000,
  reservationTtlMs: 600_000,
  upstreamIdleTimeoutMs: 5_000,
};

/** A clock that stands still until moved. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set(next) {
      now = new Date(next);
    },
  };
}

/**
 * The real parts for one suite: a migrated database of the given kind, the stand-in model over
 * HTTP, and the official SDK pointed at it. Only the network edge (the upstream API) is faked.
 */
export async function openHarness(
  kind: DatabaseKind,
  options: { settings?: Partial<CoreSettings>; clock?: Clock; poolSize?: number } = {},
) {
  const database = await openTestDatabase(kind, { poolSize: options.poolSize });
  const stub: ModelStub = await startModelStub();
  const settings = { ...testSettings, ...options.settings };
  const deps: ChatDeps = {
    db: database.prisma,
    prices: loadPriceTable(),
    settings,
    clock: options.clock ?? { now: () => new Date() },
    logger: pino({ level: 'silent' }),
    model: createAnthropicModel({
      apiKey: 'test-key',
      baseURL: stub.url,
      maxRetries: 0,
      idleTimeoutMs: settings.upstreamIdleTimeoutMs,
    }),
  };
  const hub = new TurnHub();

  async function createUser(limitUsd?: string) {
    const id = randomUUID();
    await database.prisma.user.create({
      data: {
        id,
        name: 'Analyst',
        email: `${id}@example.com`,
        ...(limitUsd === undefined ? {} : { monthlyBudgetUsd: limitUsd }),
      },
    });
    return id;
  }

  async function createThread(userId: string) {
    const project = await database.prisma.project.create({
      data: { userId, name: 'Checkout redesign', description: 'A faster checkout for the shop.' },
    });
    return database.prisma.thread.create({
      data: { userId, projectId: project.id, title: 'New thread' },
    });
  }

  /**
   * Writes one ledger row the way a finished call does; input is priced, by default, at
   * claude-sonnet-4-6's $3/M (no long-context tier), so 100,000 tokens spend exactly 0.3.
   */
  async function recordUsage(options: {
    userId: string;
    inputTokens: number;
    outputTokens?: number;
    model?: string;
    kind?: 'chat' | 'title';
    at?: string;
  }) {
    await trackTokenUsage({
      deps: options.at === undefined ? deps : { ...deps, clock: fixedClock(options.at) },
      record: {
        userId: options.userId,
        threadId: null,
        messageId: null,
        kind: options.kind ?? 'chat',
        model: options.model ?? 'claude-sonnet-4-6',
        usage: {
          inputTokens: options.inputTokens,
          outputTokens: options.outputTokens ?? 0,
          cacheCreationInputTokens: 0,
          cacheReadInputTokens: 0,
        },
        endpoint: '/threads/none/chat',
        outcome: 'complete',
      },
    });
  }

  /** Runs one turn to its end and returns every event. */
  async function chat(input: {
    userId: string;
    threadId: string;
    content: string;
    clientMessageId?: string;
    signal?: AbortSignal;
    lastEventId?: string;
  }): Promise<ChatEvent[]> {
    const events = await startChatTurn({
      deps,
      hub,
      input: { clientMessageId: randomUUID(), ...input },
    });
    const seen: ChatEvent[] = [];
    for await (const event of events) seen.push(event);
    await hub.drain(5_000);
    return seen;
  }

  return {
    deps,
    hub,
    stub,
    db: database.prisma,
    createUser,
    createThread,
    recordUsage,
    chat,
    async close() {
      await stub.close();
      await database.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof openHarness>>;
