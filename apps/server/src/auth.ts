import type { PrismaClient } from '@analyst/db';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';

export type Auth = ReturnType<typeof createAuth>;

/**
 * Email and password accounts with sessions in our database. The base URL follows the request's
 * host among the allowed ones, so the app works on whichever loopback name and port it is served.
 */
export function createAuth(options: {
  prisma: PrismaClient;
  secret: string;
  host: string;
  port: number;
  production: boolean;
}) {
  const hosts = [`${options.host}:${String(options.port)}`, 'localhost:*', '127.0.0.1:*'];
  return betterAuth({
    database: prismaAdapter(options.prisma, { provider: 'postgresql' }),
    secret: options.secret,
    baseURL: { allowedHosts: hosts, protocol: 'http' },
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    session: { cookieCache: { enabled: true, maxAge: 60 } },
    telemetry: { enabled: false },
    rateLimit: { enabled: options.production },
  });
}
