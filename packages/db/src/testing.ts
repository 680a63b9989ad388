import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { openDatabase, type Database, type DatabaseKind } from './client.ts';

/** The server that suites needing PostgreSQL create their own databases on. */
export const TEST_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

export type { DatabaseKind };

export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

/**
 * A fresh, migrated database for one suite: an in-memory PGlite, or a new database on the local
 * PostgreSQL server that is dropped on close.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
  options: { baseUrl?: string; poolSize?: number } = {},
): Promise<Database & { url?: string }> {
  if (kind === 'pglite') return openDatabase({ dataDir: 'memory' });

  const baseUrl = options.baseUrl ?? TEST_POSTGRES_URL;
  const name = `analyst_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: options.poolSize });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
