// Fails when prisma/schema.prisma and prisma/migrations describe different databases, so a schema
// change never lands without its migration.
import { diffSchemaAgainstMigrations } from './schema-engine.ts';

const { sql, differs } = await diffSchemaAgainstMigrations();
if (differs) {
  console.error('The schema differs from the migrations. Missing SQL:\n' + sql);
  console.error('Run: pnpm --filter @analyst/db migration:create <name>');
  process.exit(1);
}
console.log('drift: schema and migrations agree');
