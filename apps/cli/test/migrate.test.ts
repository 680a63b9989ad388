import { readdir } from 'node:fs/promises';

import { migrationsDir, type DatabaseKind } from '@analyst/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTarget, type TestTarget } from './support/databases.ts';
import { lines, runCli } from './support/run-cli.ts';

const kinds: DatabaseKind[] = ['pglite', 'postgres'];

describe.each(kinds)('analyst migrate on %s', (kind) => {
  let target: TestTarget;
  beforeAll(async () => {
    target = await createTarget(kind);
  });
  afterAll(async () => {
    await target.dispose();
  });

  it('applies every migration to a fresh database, then reports none left to apply', async () => {
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    const migrations = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const location = target.env.DATA_DIR ?? target.env.DATABASE_URL ?? '';

    const first = await runCli(['migrate'], target.env);
    const second = await runCli(['migrate'], target.env);

    expect(migrations.length).toBeGreaterThan(0);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(lines(first.stdout)).toEqual([
      `database: ${kind} ${location}`,
      'already applied: 0',
      ...migrations.sort().map((name) => `applied now: ${name}`),
    ]);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(lines(second.stdout)).toEqual([
      `database: ${kind} ${location}`,
      `already applied: ${String(migrations.length)}`,
      'applied now: none, the schema is up to date',
    ]);
  });
});
