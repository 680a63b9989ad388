export {
  openDatabase,
  type Database,
  type DatabaseKind,
  type OpenDatabaseOptions,
} from './client.ts';
export {
  applyMigrations,
  migrationsDir,
  type MigrationResult,
  type SqlSession,
} from './migrate.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export type {
  ApiToken,
  Message,
  MonthlySpend,
  Project,
  Thread,
  TokenUsage,
  User,
} from './generated/prisma/client.ts';
