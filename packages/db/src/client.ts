import { mkdir } from 'node:fs/promises';
import path from 'node:path';

import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

import { PrismaClient } from './generated/prisma/client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { applyMigrations, type MigrationResult, type SqlSession } from './migrate.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  /** Where the data lives: a directory, "memory", or the URL without its password. */
  location: string;
  migrations: MigrationResult;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgresql:// URL; when absent the embedded database is used. */
  databaseUrl?: string | undefined;
  /** The embedded database's directory; "memory" keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the pool for PostgreSQL. */
  poolSize?: number | undefined;
}

function pgliteSession(db: PGlite): SqlSession {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
  };
}

function pgSession(client: pg.Client): SqlSession {
  return {
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params: unknown[]) {
      return (await client.query(sql, params)).rows as T[];
    },
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory';
  let unlock = () => Promise.resolve();
  if (!inMemory) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(path.resolve(dataDir));
  }
  const pglite = inMemory ? new PGlite() : new PGlite(path.resolve(dataDir));
  let migrations: MigrationResult;
  try {
    migrations = await applyMigrations({ session: pgliteSession(pglite) });
  } catch (error) {
    await pglite.close();
    await unlock();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    kind: 'pglite',
    location: inMemory ? 'memory' : path.resolve(dataDir),
    migrations,
    async close() {
      await prisma.$disconnect();
      // PGlite keeps the process alive until it is closed; $disconnect alone does not close it.
      await pglite.close();
      await unlock();
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let migrations: MigrationResult;
  try {
    migrations = await applyMigrations({ session: pgSession(client) });
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }),
  });
  const url = new URL(databaseUrl);
  url.password = '';
  return {
    prisma,
    kind: 'postgres',
    location: url.toString(),
    migrations,
    async close() {
      await prisma.$disconnect();
    },
  };
}

/** Opens the database the settings name and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? './data');
}
