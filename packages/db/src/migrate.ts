import { createHash, randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The few things the runner needs from a raw connection, PGlite or pg alike. */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
}

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

// Prisma's own lock key and table, so that `prisma migrate deploy` and `status` on a machine with
// the native engine see these migrations as applied.
const PRISMA_MIGRATE_LOCK = 72707369;
const CREATE_HISTORY = `
  CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

async function readMigrations(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies every migration folder not yet recorded, each in its own transaction, under Prisma's
 * advisory lock so that several processes starting at once apply each migration exactly once.
 */
export async function applyMigrations(options: {
  session: SqlSession;
  dir?: string;
}): Promise<MigrationResult> {
  const { session } = options;
  const migrations = await readMigrations(options.dir ?? migrationsDir);

  await session.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
  try {
    await session.exec(CREATE_HISTORY);
    const rows = await session.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ' +
        'WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      [],
    );
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));

    const applied: string[] = [];
    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was edited after it was applied.`);
        }
        continue;
      }
      await session.exec('BEGIN');
      try {
        await session.exec(migration.sql);
        await session.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, ' +
            'applied_steps_count) VALUES ($1, $2, $3, now(), 1)',
          [randomUUID(), migration.checksum, migration.name],
        );
        await session.exec('COMMIT');
      } catch (error) {
        await session.exec('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed`, { cause: error });
      }
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await session.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]);
  }
}
