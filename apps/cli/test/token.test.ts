import { createHash } from 'node:crypto';

import { resolveApiToken } from '@analyst/core';
import type { DatabaseKind } from '@analyst/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTarget, withOpen, type TestTarget } from './support/databases.ts';
import { runCli } from './support/run-cli.ts';
import { createUser } from './support/seed.ts';

const kinds: DatabaseKind[] = ['pglite', 'postgres'];

describe.each(kinds)('analyst token create on %s', (kind) => {
  let target: TestTarget;
  beforeAll(async () => {
    target = await createTarget(kind);
    await withOpen(target, (database) => createUser(database, 'u-ada', 'ada@example.com'));
  });
  afterAll(async () => {
    await target.dispose();
  });

  it('prints a new token once and stores only its SHA-256 hash', async () => {
    const result = await runCli(['token', 'create', 'ada@example.com'], target.env);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^anl_[A-Za-z0-9_-]{43}\n$/);
    expect(result.stderr).toBe(
      'Token for ada@example.com; it is shown only this once, so keep it now.\n',
    );
    const token = result.stdout.trim();
    const { rows, owner } = await withOpen(target, async (database) => ({
      rows: await database.prisma.apiToken.findMany(),
      owner: await resolveApiToken({ deps: { db: database.prisma }, token }),
    }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userId).toBe('u-ada');
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(owner).toEqual({ userId: 'u-ada' });
  });

  it('refuses a user nobody signed up as, with exit code 2', async () => {
    const result = await runCli(['token', 'create', 'nobody@example.com'], target.env);

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: User nobody@example.com not found.\n',
    });
  });
});
