import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

import { openDatabase } from './client.ts';
import { TEST_POSTGRES_URL, databaseKinds, openTestDatabase } from './testing.ts';

describe.each(databaseKinds)('on %s', (kind) => {
  it('applies the migrations once and records them in _prisma_migrations', async () => {
    const db = await openTestDatabase(kind);
    try {
      expect(db.migrations.applied.length).toBeGreaterThan(0);
      const rows = await db.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM "_prisma_migrations"`;
      expect(rows.map((row) => row.migration_name)).toEqual(db.migrations.applied);
      expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await db.close();
    }
  });

  it('keeps a decimal with twelve places exactly', async () => {
    const db = await openTestDatabase(kind);
    try {
      const user = await db.prisma.user.create({
        data: { id: 'u1', name: 'A', email: 'a@example.com', monthlyBudgetUsd: '0.000000010001' },
      });
      const read = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(read.monthlyBudgetUsd?.toFixed()).toBe('0.000000010001');
    } finally {
      await db.close();
    }
  });
});

describe('the embedded database', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('keeps its data across a reopen of the same directory and does not migrate twice', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'analyst-db-'));
    dirs.push(dir);

    const first = await openDatabase({ dataDir: dir });
    await first.prisma.user.create({ data: { id: 'u1', name: 'A', email: 'a@example.com' } });
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    try {
      expect(second.migrations.applied).toEqual([]);
      expect(await second.prisma.user.count()).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('PostgreSQL started by several processes at once', () => {
  it('applies each migration exactly once', async () => {
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    const name = `analyst_test_race_${String(Date.now())}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_POSTGRES_URL);
    url.pathname = `/${name}`;
    try {
      const opened = await Promise.all(
        [1, 2, 3].map(() => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })),
      );
      const applied = opened.flatMap((db) => db.migrations.applied);
      const rows = await opened[0]!.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "_prisma_migrations"`;
      expect(Number(rows[0]!.n)).toBe(applied.length);
      await Promise.all(opened.map((db) => db.close()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('the embedded database directory', () => {
  it('cannot be opened by a second user while the first has it open', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'analyst-lock-'));
    const first = await openDatabase({ dataDir: dir });
    try {
      const { spawnSync } = await import('node:child_process');
      const script = `import { openDatabase } from ${JSON.stringify(new URL('./client.ts', import.meta.url).pathname)};
        try { await openDatabase({ dataDir: ${JSON.stringify(dir)} }); process.exit(0); }
        catch (error) { console.error(error.name); process.exit(3); }`;
      const other = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          encoding: 'utf8',
        },
      );
      expect(other.status).toBe(3);
      expect(other.stderr).toContain('DataDirInUseError');
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    await rm(dir, { recursive: true, force: true });
  });
});
