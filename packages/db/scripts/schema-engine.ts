// Loads Prisma's schema engine compiled to WebAssembly. Prisma's CLI would download a native
// engine from a host this machine cannot reach, so authoring migrations and the drift check go
// through this build instead. Its API is raw wasm-bindgen output without documentation, which is
// why it stays in development tools and never runs in the app.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const here = path.dirname(fileURLToPath(import.meta.url));
export const schemaPath = path.resolve(here, '../prisma/schema.prisma');
export const migrationsDir = path.resolve(here, '../prisma/migrations');

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (
    module: object,
    imports: Record<string, object>,
  ) => { exports: { __wbindgen_start: () => void } };
}

async function loadWasm() {
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  // Node has WebAssembly at run time; the ES library typings this package compiles with do not.
  const { WebAssembly: wasm } = globalThis as unknown as { WebAssembly: WasmApi };
  const module = new wasm.Module(await readFile(wasmPath));
  const instance = new wasm.Instance(module, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

export async function openSchemaEngine() {
  await loadWasm();
  const schema = await readFile(schemaPath, 'utf8');
  // An in-memory database serves as the engine's scratch space: the diff replays the migrations
  // folder there, so nothing real is touched.
  const scratch = new PGlite();
  const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(scratch));
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => undefined,
    factory,
  );
  return {
    engine,
    schema,
    async close() {
      engine.free();
      await scratch.close();
    },
  };
}

export async function listMigrations() {
  const names = (await readdir(migrationsDir, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: {
          tag: 'ok' as const,
          value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8'),
        },
      },
    })),
  );
  const lockfile = await readFile(path.join(migrationsDir, 'migration_lock.toml'), 'utf8').catch(
    () => null,
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** The SQL that takes the migrations folder to the schema; empty when they agree. */
export async function diffSchemaAgainstMigrations(): Promise<{ sql: string; differs: boolean }> {
  const opened = await openSchemaEngine();
  const { engine, schema } = opened;
  try {
    const migrations = await listMigrations();
    const from =
      migrations.migrationDirectories.length === 0
        ? { tag: 'empty' as const }
        : { tag: 'migrations' as const, ...migrations };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return { sql: result.stdout ?? '', differs: result.exitCode === 2 };
  } finally {
    await opened.close();
  }
}
