import { monthOf } from '@analyst/core';
import type { DatabaseKind } from '@analyst/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTarget, withOpen, type TestTarget } from './support/databases.ts';
import { lines, runCli } from './support/run-cli.ts';
import { createUser, recordCall } from './support/seed.ts';

const kinds: DatabaseKind[] = ['pglite', 'postgres'];

describe.each(kinds)('analyst budget on %s', (kind) => {
  let target: TestTarget;
  let env: Record<string, string>;
  beforeAll(async () => {
    target = await createTarget(kind);
    env = { ...target.env, ANALYST_DEFAULT_MONTHLY_BUDGET_USD: '20' };
    const now = new Date();
    await withOpen(target, async (database) => {
      await createUser(database, 'u-ada', 'ada@example.com');
      await createUser(database, 'u-bob', 'bob@example.com');
      // Spent this month: Sonnet 4.5, 1,200 in and 300 out = 0.0081 USD.
      await recordCall(database, {
        userId: 'u-ada',
        model: 'claude-sonnet-4-5',
        usage: { inputTokens: 1200, outputTokens: 300 },
        at: now,
      });
      // Held by a request in flight.
      await database.prisma.budgetReservation.create({
        data: {
          userId: 'u-ada',
          monthStart: monthOf(now).start,
          amount: '0.5',
          expiresAt: new Date(now.getTime() + 3_600_000),
        },
      });
    });
  });
  afterAll(async () => {
    await target.dispose();
  });

  it('sets a limit that show then reports with what is spent, held and left', async () => {
    const set = await runCli(['budget', 'set', 'ada@example.com', '25'], env);
    const show = await runCli(['budget', 'show', 'ada@example.com'], env);

    expect(set).toEqual({ code: 0, stdout: 'ada@example.com: monthly limit 25 USD\n', stderr: '' });
    expect(show).toMatchObject({ code: 0, stderr: '' });
    expect(lines(show.stdout)).toEqual([
      'user       ada@example.com',
      'limit      25 USD',
      'spent      0.0081 USD',
      'reserved   0.5 USD',
      'remaining  24.4919 USD',
      'allowed    yes',
      `resets at  ${monthOf(new Date()).end.toISOString()}`,
    ]);
    const stored = await withOpen(target, (database) =>
      database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } }),
    );
    expect(stored.monthlyBudgetUsd?.toFixed()).toBe('25');
  });

  it('returns a user to the configured default with "default"', async () => {
    const set = await runCli(['budget', 'set', 'ada@example.com', 'default'], env);
    const show = await runCli(['budget', 'show', 'ada@example.com'], env);

    expect(set).toEqual({
      code: 0,
      stdout: 'ada@example.com: monthly limit the default, 20 USD\n',
      stderr: '',
    });
    expect(lines(show.stdout).slice(1, 6)).toEqual([
      'limit      20 USD (the default)',
      'spent      0.0081 USD',
      'reserved   0.5 USD',
      'remaining  19.4919 USD',
      'allowed    yes',
    ]);
  });

  it('shows a limit of zero as reached', async () => {
    await runCli(['budget', 'set', 'ada@example.com', '0'], env);
    const show = await runCli(['budget', 'show', 'ada@example.com'], env);

    expect(lines(show.stdout).slice(1, 6)).toEqual([
      'limit      0 USD',
      'spent      0.0081 USD',
      'reserved   0.5 USD',
      'remaining  0 USD',
      'allowed    no, the limit is reached',
    ]);
  });

  it('refuses to set a limit for an unknown user, with exit code 2', async () => {
    const result = await runCli(['budget', 'set', 'nobody@example.com', '10'], env);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: User nobody@example.com not found.\n',
    });
  });

  it('lists every user with their limit and what they spent this month', async () => {
    await runCli(['budget', 'set', 'bob@example.com', '7.5'], env);
    const result = await runCli(['users'], env);

    const month = monthOf(new Date()).key;
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(lines(result.stdout)).toEqual([
      `email            name   limit USD  spent ${month}`,
      'ada@example.com  u-ada          0         0.0081',
      'bob@example.com  u-bob        7.5              0',
    ]);
  });
});
