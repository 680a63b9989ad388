import { databaseKinds } from '@analyst/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkUserBudget } from '../src/budget/check-user-budget.ts';
import { getMonthlyUsage } from '../src/usage/get-monthly-usage.ts';
import { listUsage } from '../src/usage/list-usage.ts';
import { fixedClock, openHarness, type Harness } from './harness.ts';

describe.each(databaseKinds)('calendar months in UTC on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h.close();
  });

  const spendAt = (userId: string, at: string, inputTokens: number) =>
    h.recordUsage({ userId, at, inputTokens });

  it('counts the last millisecond of a month in that month and the next instant in the next', async () => {
    const userId = await h.createUser();
    await spendAt(userId, '2026-01-31T23:59:59.999Z', 1000); // 0.003
    await spendAt(userId, '2026-02-01T00:00:00.000Z', 2000); // 0.006

    const january = await getMonthlyUsage({ deps: h.deps, userId, month: '2026-01' });
    const february = await getMonthlyUsage({ deps: h.deps, userId, month: '2026-02' });
    const januaryRows = await listUsage({ deps: h.deps, userId, month: '2026-01' });

    expect([january.totalCost.toFixed(), january.totalRequests]).toEqual(['0.003', 1]);
    expect(january.byDay.map((day) => [day.date, day.cost.toFixed()])).toEqual([
      ['2026-01-31', '0.003'],
    ]);
    expect(januaryRows.rows).toHaveLength(1);
    expect([february.totalCost.toFixed(), february.totalRequests]).toEqual(['0.006', 1]);
    expect(february.byDay.map((day) => day.date)).toEqual(['2026-02-01']);
  });

  it('keeps a leap day inside February', async () => {
    const userId = await h.createUser();
    await spendAt(userId, '2028-02-29T23:30:00.000Z', 1000);
    await spendAt(userId, '2028-03-01T00:00:00.000Z', 1000);

    const february = await getMonthlyUsage({ deps: h.deps, userId, month: '2028-02' });
    const budget = await checkUserBudget({
      deps: { ...h.deps, clock: fixedClock('2028-02-29T23:59:59.999Z') },
      userId,
    });

    expect(february.byDay.map((day) => day.date)).toEqual(['2028-02-29']);
    expect(february.totalRequests).toBe(1);
    expect(budget.spent.toFixed()).toBe('0.003');
    expect(budget.resetsAt.toISOString()).toBe('2028-03-01T00:00:00.000Z');
  });

  it('reports breakdowns by model, kind and day that add up to the ledger', async () => {
    const userId = await h.createUser();
    const record = (at: string, model: string, kind: 'chat' | 'title', inputTokens: number) =>
      h.recordUsage({ userId, at, model, kind, inputTokens, outputTokens: 10 });
    await record('2026-05-01T08:00:00Z', 'claude-sonnet-4-6', 'chat', 1000); // 0.003 + 0.00015
    await record('2026-05-01T09:00:00Z', 'claude-sonnet-4-6', 'chat', 2000); // 0.006 + 0.00015
    await record('2026-05-01T09:01:00Z', 'claude-haiku-4-5', 'title', 500); // 0.0005 + 0.00005
    await record('2026-05-20T23:59:59Z', 'claude-sonnet-4-6', 'chat', 1000); // 0.003 + 0.00015

    const may = await getMonthlyUsage({ deps: h.deps, userId, month: '2026-05' });

    expect(may.totalCost.toFixed()).toBe('0.013');
    expect(may.byModel.map((g) => [g.model, g.requests, g.cost.toFixed(), g.inputTokens])).toEqual([
      ['claude-haiku-4-5', 1, '0.00055', 500],
      ['claude-sonnet-4-6', 3, '0.01245', 4000],
    ]);
    expect(may.byKind.map((g) => [g.kind, g.requests, g.cost.toFixed()])).toEqual([
      ['chat', 3, '0.01245'],
      ['title', 1, '0.00055'],
    ]);
    expect(may.byDay.map((g) => [g.date, g.requests, g.cost.toFixed()])).toEqual([
      ['2026-05-01', 3, '0.00985'],
      ['2026-05-20', 1, '0.00315'],
    ]);
    const ledger = await h.db.tokenUsage.aggregate({ where: { userId }, _sum: { cost: true } });
    expect(ledger._sum.cost?.toFixed()).toBe(may.totalCost.toFixed());
  });

  it('describes a past month by its own spend, with nothing held and its own end', async () => {
    const userId = await h.createUser('12.5');
    await spendAt(userId, '2026-11-15T10:00:00.000Z', 1_000_000); // 3
    const clock = fixedClock('2026-12-10T00:00:00.000Z');
    await spendAt(userId, '2026-12-10T00:00:00.000Z', 100_000);

    const november = await getMonthlyUsage({
      deps: { ...h.deps, clock },
      userId,
      month: '2026-11',
    });

    expect(november.budget.spent.toFixed()).toBe('3');
    expect(november.budget.remaining.toFixed()).toBe('9.5');
    expect(november.budget.reserved.toFixed()).toBe('0');
    expect(november.budget.resetsAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(november.budget.allowed).toBe(true);
  });
});
