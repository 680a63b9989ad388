import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { openDatabase, type Database, type DatabaseKind } from '@analyst/db';
import pg from 'pg';

/** The local server the PostgreSQL runs create their own databases on (trust auth). */
const POSTGRES_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database for one suite, and the settings that point the command at it. */
export interface TestTarget {
  kind: DatabaseKind;
  env: Record<string, string>;
  /** Opens it in this process; close it before running the command (PGlite allows one process). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function createTarget(kind: DatabaseKind): Promise<TestTarget> {
  return kind === 'pglite' ? createPgliteTarget() : createPostgresTarget();
}

async function createPgliteTarget(): Promise<TestTarget> {
  const root = await mkdtemp(path.join(tmpdir(), 'analyst-cli-'));
  const dataDir = path.join(root, 'data');
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

async function createPostgresTarget(): Promise<TestTarget> {
  const name = `analyst_cli_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind: 'postgres',
    env: { DATABASE_URL: databaseUrl },
    open: () => openDatabase({ databaseUrl, poolSize: 2 }),
    dispose: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_SERVER });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Opens the target, runs `work`, and closes it again so that the command can open it next. */
export async function withOpen<T>(
  target: TestTarget,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await target.open();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
