import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { AppRouter } from '@analyst/api';
import { startModelStub, type ModelStub } from '@analyst/model-stub';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { EventSource } from 'eventsource';
import pino from 'pino';

import { startApp, type App } from '../src/app.ts';
import { readEnv } from '../src/env.ts';

export type Client = TRPCClient<AppRouter>;

/** A real server on a free port, with the stand-in model over HTTP as its upstream. */
export async function startTestServer(
  options: { env?: Record<string, string>; dataDir?: string; stub?: ModelStub } = {},
) {
  const stub = options.stub ?? (await startModelStub());
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'analyst-server-')));
  const env = readEnv({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ANTHROPIC_API_KEY: 'test-key',
    ANTHROPIC_BASE_URL: stub.url,
    ANALYST_MODEL_MAX_RETRIES: '0',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const app: App = await startApp({ env, logger: pino({ level: 'silent' }) });
  return {
    app,
    stub,
    dataDir,
    url: app.url,
    async close(closeOptions: { keepData?: boolean; keepStub?: boolean } = {}) {
      await app.close();
      if (!closeOptions.keepStub && !options.stub) await stub.close();
      if (!closeOptions.keepData && !options.dataDir) {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Signs a new person up through the auth routes and returns their session cookie. */
export async function signUp(baseUrl: string, email: string, password = 'correct horse 1') {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name: email.split('@')[0], email, password }),
  });
  if (!response.ok) throw new Error(`sign-up failed: ${String(response.status)}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  return cookies.join('; ');
}

/** The real tRPC client over HTTP (batched) and SSE (subscriptions), sending the given headers. */
export function createClient(baseUrl: string, headers: Record<string, string>): Client {
  const url = `${baseUrl}/trpc`;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
          },
        }),
        false: httpBatchLink({ url, headers: { ...headers, origin: baseUrl } }),
      }),
    ],
  });
}

export interface ChatOutcome {
  events: { type: string; [key: string]: unknown }[];
  error: { code?: string; httpStatus?: number; message: string } | null;
}

/** Sends one message and collects its events until the turn ends or fails. */
export function chat(
  client: Client,
  input: { threadId: string; content: string; clientMessageId?: string },
  onEvent?: (event: ChatOutcome['events'][number], stop: () => void) => void,
): Promise<ChatOutcome> {
  return new Promise((resolve) => {
    const events: ChatOutcome['events'] = [];
    const subscription = client.chat.subscribe(
      { clientMessageId: crypto.randomUUID(), ...input },
      {
        onData(envelope) {
          const event = envelope.data as ChatOutcome['events'][number];
          events.push(event);
          const stop = () => {
            subscription.unsubscribe();
            resolve({ events, error: null });
          };
          onEvent?.(event, stop);
          if (event.type === 'error') stop();
        },
        onError(error) {
          subscription.unsubscribe();
          const data = error.data as { code?: string; httpStatus?: number } | undefined;
          resolve({ events, error: { ...data, message: error.message } });
        },
        onComplete() {
          resolve({ events, error: null });
        },
      },
    );
  });
}

/** A turn ends with `complete`, then maybe `title`; wait until the server says it is done. */
export async function settle(app: App, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const open = await app.deps.db.budgetReservation.count();
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
