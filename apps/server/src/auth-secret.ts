import { randomBytes } from 'node:crypto';

import type { PrismaClient } from '@analyst/db';

/**
 * The session-signing secret: the configured one, or one generated on first start and kept in the
 * database, so every process on the same database signs and reads the same cookies.
 */
export async function resolveAuthSecret(options: {
  prisma: PrismaClient;
  configured: string | undefined;
}): Promise<string> {
  if (options.configured) return options.configured;
  const generated = randomBytes(32).toString('base64url');
  await options.prisma.$executeRaw`
    INSERT INTO "AppSetting" ("key", "value") VALUES ('auth-secret', ${generated})
    ON CONFLICT ("key") DO NOTHING`;
  const row = await options.prisma.appSetting.findUniqueOrThrow({ where: { key: 'auth-secret' } });
  return row.value;
}
