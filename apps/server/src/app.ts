import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { appRouter, type ApiContext } from '@analyst/api';
import {
  createAnthropicModel,
  loadPriceTable,
  resolveApiToken,
  systemClock,
  TurnHub,
  type ChatDeps,
  type Clock,
} from '@analyst/core';
import { openDatabase, type Database } from '@analyst/db';
import { startModelStub, type ModelStub } from '@analyst/model-stub';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import Decimal from 'decimal.js';
import type { Logger } from 'pino';

import { createAuth } from './auth.ts';
import { resolveAuthSecret } from './auth-secret.ts';
import type { Env } from './env.ts';
import { createLogger } from './logger.ts';
import { createStaticHandler } from './static-files.ts';

const MAX_HEADER_BYTES = 512 * 1024;
const MAX_BODY_BYTES = 1024 * 1024;

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

function toSessionUser(user: {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
}): NonNullable<ApiContext['user']> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: new Date(user.createdAt).toISOString(),
  };
}

export interface App {
  url: string;
  server: http.Server;
  database: Database;
  deps: ChatDeps;
  /** The in-process stand-in model, when no API key is configured. */
  stub: ModelStub | null;
  close(): Promise<void>;
}

/**
 * Builds and starts everything one server process needs: database (migrated), prices, model,
 * auth, the tRPC router, the SPA and /healthz.
 */
export async function startApp(options: {
  env: Env;
  logger?: Logger;
  clock?: Clock;
}): Promise<App> {
  const { env } = options;
  const logger = options.logger ?? createLogger(env);
  const started = Date.now();

  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  logger.info(
    { database: database.kind, location: database.location, applied: database.migrations.applied },
    'database ready',
  );

  const stub = env.ANTHROPIC_API_KEY
    ? null
    : await startModelStub({ port: 0, deltaDelayMs: env.ANALYST_STUB_DELTA_DELAY_MS });
  if (stub)
    logger.warn(
      { url: stub.url },
      'no ANTHROPIC_API_KEY: replies come from the offline stand-in model',
    );
  const model = createAnthropicModel({
    apiKey: env.ANTHROPIC_API_KEY ?? 'offline-stand-in',
    baseURL: stub ? stub.url : env.ANTHROPIC_BASE_URL,
    maxRetries: env.ANALYST_MODEL_MAX_RETRIES,
    idleTimeoutMs: env.ANALYST_UPSTREAM_IDLE_TIMEOUT_SECONDS * 1000,
  });

  const deps: ChatDeps = {
    db: database.prisma,
    prices: loadPriceTable({
      extraFile: env.ANALYST_PRICES_FILE,
      fallbackModel: env.ANALYST_FALLBACK_MODEL,
      logger,
    }),
    clock: options.clock ?? systemClock,
    logger,
    model,
    settings: {
      chatModel: env.ANALYST_CHAT_MODEL,
      titleModel: env.ANALYST_TITLE_MODEL,
      defaultMonthlyBudgetUsd: new Decimal(env.ANALYST_DEFAULT_MONTHLY_BUDGET_USD),
      titleInterval: env.ANALYST_TITLE_INTERVAL,
      maxOutputTokens: env.ANALYST_MAX_OUTPUT_TOKENS,
      reservationTtlMs: env.ANALYST_RESERVATION_TTL_SECONDS * 1000,
      upstreamIdleTimeoutMs: env.ANALYST_UPSTREAM_IDLE_TIMEOUT_SECONDS * 1000,
    },
  };
  const hub = new TurnHub();

  const auth = createAuth({
    prisma: database.prisma,
    secret: await resolveAuthSecret({
      prisma: database.prisma,
      configured: env.BETTER_AUTH_SECRET,
    }),
    host: env.HOST,
    port: env.PORT,
    production: env.NODE_ENV === 'production',
  });
  const authHandler = toNodeHandler(auth);

  async function resolveUser(req: http.IncomingMessage): Promise<ApiContext['user']> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) {
      const owner = await resolveApiToken({ deps, token: bearer });
      if (!owner) return null;
      const user = await database.prisma.user.findUnique({ where: { id: owner.userId } });
      return user && toSessionUser(user);
    }
    // A cookie sent by another site's page (a link or form that starts a chat) is not a request
    // of this person; browsers mark such requests, so refuse them their session.
    if (req.headers['sec-fetch-site'] === 'cross-site') return null;
    const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
    return session && toSessionUser(session.user);
  }

  const trpcHandler = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    async createContext({ req, info }): Promise<ApiContext> {
      const user = await resolveUser(req);
      const requestId = randomUUID();
      return {
        deps,
        hub,
        user,
        offlineModel: stub !== null,
        logger: logger.child({
          requestId,
          userId: user?.id,
          path: info.calls.map((call) => call.path).join(','),
        }),
      };
    },
    onError({ error, path: procedure }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error.cause ?? error, path: procedure }, 'request failed');
      }
    },
  });
  const serveStatic = createStaticHandler(env.ANALYST_WEB_DIST ?? defaultWebDist);

  // A chat subscription carries its message in the URL (SSE is a GET): 32,000 characters of
  // text that encode to up to 9 bytes each must fit in the request line.
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const route = (): unknown => {
      if (pathname.startsWith('/api/auth/')) return authHandler(req, res);
      if (pathname.startsWith('/trpc/')) return trpcHandler(req, res);
      if (pathname === '/healthz') return health(res);
      return serveStatic(req, res);
    };
    Promise.resolve(route()).catch((error: unknown) => {
      logger.error({ err: error, path: pathname }, 'unhandled request error');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal error' }));
    });
  });

  async function health(res: http.ServerResponse) {
    try {
      await database.prisma.$queryRaw`SELECT 1`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ status: 'ok', database: database.kind, offlineModel: stub !== null }),
      );
    } catch {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'unavailable' }));
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  const url = `http://${host}:${String(address.port)}`;
  logger.info(
    {
      url,
      ms: Date.now() - started,
      webDist: path.resolve(env.ANALYST_WEB_DIST ?? defaultWebDist),
    },
    'listening',
  );

  let closing: Promise<void> | null = null;
  return {
    url,
    server,
    database,
    deps,
    stub,
    close() {
      closing ??= (async () => {
        // Stop taking requests, let replies in flight finish (they are saved and billed either
        // way), then cancel what remains and close the database last.
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await hub.drain(10_000);
        hub.abortAll();
        await hub.drain(5_000);
        server.closeAllConnections();
        await stopped;
        await stub?.close();
        await database.close();
      })();
      return closing;
    },
  };
}
