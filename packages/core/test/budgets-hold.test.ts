import { databaseKinds } from '@analyst/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkUserBudget } from '../src/budget/check-user-budget.ts';
import { reserveBudget } from '../src/budget/reserve-budget.ts';
import { DomainError } from '../src/errors/domain-error.ts';
import { fixedClock, openHarness, type Harness } from './harness.ts';
import Decimal from 'decimal.js';

describe.each(databaseKinds)('budgets on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind, { poolSize: 25 });
  });
  afterAll(async () => {
    await h.close();
  });

  const spend = (userId: string, inputTokens: number) => h.recordUsage({ userId, inputTokens });

  it('turns checkUserBudget false once the month reaches the limit', async () => {
    const userId = await h.createUser('1');
    await spend(userId, 300_000); // 0.9

    const before = await checkUserBudget({ deps: h.deps, userId });
    await spend(userId, 100_000); // 0.3 more, 1.2 in all
    const after = await checkUserBudget({ deps: h.deps, userId });

    expect(before).toMatchObject({ allowed: true });
    expect(before.spent.toFixed()).toBe('0.9');
    expect(before.remaining.toFixed()).toBe('0.1');
    expect(after.allowed).toBe(false);
    expect(after.spent.toFixed()).toBe('1.2');
    expect(after.remaining.toFixed()).toBe('0');
  });

  it('refuses at exactly the limit, not only above it', async () => {
    const userId = await h.createUser('0.3');
    await spend(userId, 100_000); // exactly 0.3

    expect((await checkUserBudget({ deps: h.deps, userId })).allowed).toBe(false);
    await expect(
      reserveBudget({ deps: h.deps, userId, amount: new Decimal('0.000001') }),
    ).rejects.toMatchObject({ code: 'BUDGET_EXHAUSTED' });
  });

  it('refuses a chat before calling the model and before storing anything', async () => {
    const userId = await h.createUser('0.3');
    const thread = await h.createThread(userId);
    await spend(userId, 100_000);
    const calls = h.stub.requests.length;

    const refused = h.chat({ userId, threadId: thread.id, content: 'One more question' });

    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: 'BUDGET_EXHAUSTED',
      message: expect.stringContaining('2027-01-01') as string,
    });
    expect(h.stub.requests.length).toBe(calls);
    expect(await h.db.message.count({ where: { threadId: thread.id } })).toBe(0);
    expect(await h.db.tokenUsage.count({ where: { userId } })).toBe(1);
    expect(await h.db.budgetReservation.count({ where: { userId } })).toBe(0);
  });

  it('admits one of 20 concurrent chats when there is room for one', async () => {
    const userId = await h.createUser('1');
    const threads = await Promise.all(Array.from({ length: 20 }, () => h.createThread(userId)));
    await spend(userId, 330_000); // 0.99: room for one reply of at least 0.01
    h.stub.reset();
    for (let i = 0; i < 20; i += 1) {
      h.stub.enqueue({
        kind: 'reply',
        match: 'concurrent',
        deltaDelayMs: 20,
        usage: { input_tokens: 2000, output_tokens: 800 }, // 0.006 + 0.012 = 0.018
      });
    }

    const results = await Promise.allSettled(
      threads.map((thread) => h.chat({ userId, threadId: thread.id, content: 'concurrent ask' })),
    );
    h.stub.reset();

    const admitted = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter(
      (result) =>
        result.status === 'rejected' && (result.reason as DomainError).code === 'BUDGET_EXHAUSTED',
    );
    expect(admitted).toHaveLength(1);
    expect(refused).toHaveLength(19);
    const budget = await checkUserBudget({ deps: h.deps, userId });
    expect(budget.spent.toFixed()).toBe('1.008');
    expect(budget.reserved.toFixed()).toBe('0');
  });

  it('stops counting a reservation left behind once it expires', async () => {
    const clock = fixedClock('2026-06-10T12:00:00Z');
    const deps = { ...h.deps, clock, settings: { ...h.deps.settings, reservationTtlMs: 60_000 } };
    const userId = await h.createUser('1');
    // A process reserved the whole month and died before settling.
    await reserveBudget({ deps, userId, amount: new Decimal('1') });

    const held = await checkUserBudget({ deps, userId });
    const refused = reserveBudget({ deps, userId, amount: new Decimal('0.01') });
    await expect(refused).rejects.toMatchObject({ code: 'BUDGET_EXHAUSTED' });
    clock.set('2026-06-10T12:01:00.001Z');
    const lapsed = await checkUserBudget({ deps, userId });

    expect(held).toMatchObject({ allowed: false });
    expect(held.reserved.toFixed()).toBe('1');
    expect(lapsed).toMatchObject({ allowed: true });
    expect(lapsed.reserved.toFixed()).toBe('0');
    await expect(
      reserveBudget({ deps, userId, amount: new Decimal('0.01') }),
    ).resolves.toBeTruthy();
  });

  it('reports the reset date as the first instant of the next UTC month', async () => {
    const clock = fixedClock('2028-02-29T23:59:59.999Z');
    const userId = await h.createUser();

    const budget = await checkUserBudget({ deps: { ...h.deps, clock }, userId });

    expect(budget.resetsAt.toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(budget.limit.toFixed()).toBe('50');
  });
});
