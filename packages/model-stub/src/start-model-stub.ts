import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleRequest } from './handle-request';
import type { Scenario } from './scenario';
import { createScenarioQueue } from './scenario-queue';
import type { RecordedRequest, StubState } from './stub-state';

export interface ModelStubOptions {
  /** 0 (the default) picks a free port; read the result from `url`. */
  port?: number;
  host?: string;
  /** Pause before each text delta, so streaming can be seen; 0 by default. */
  deltaDelayMs?: number;
}

export interface ModelStub {
  /** The base URL to give the SDK, e.g. http://127.0.0.1:54321. */
  url: string;
  /** Ends open streams (hanging ones included) and every socket, then stops listening. */
  close(): Promise<void>;
  /** Queues a scenario for the next POST /v1/messages that it matches. */
  enqueue(scenario: Scenario): void;
  /** Valid requests received, oldest first. The same array for the stub's whole life. */
  requests: RecordedRequest[];
  /** Forgets queued scenarios and recorded requests, and restores the starting deltaDelayMs. */
  reset(): void;
}

/** Starts a local stand-in for Anthropic's Messages API, spoken exactly as the SDK expects. */
export async function startModelStub(options: ModelStubOptions = {}): Promise<ModelStub> {
  const { port = 0, host = '127.0.0.1', deltaDelayMs = 0 } = options;
  const state: StubState = { queue: createScenarioQueue(), requests: [], deltaDelayMs };
  const closing = new AbortController();
  const reset = () => {
    state.queue.clear();
    state.requests.length = 0;
    state.deltaDelayMs = deltaDelayMs;
  };

  const server = createServer((req, res) => {
    void handleRequest({ req, res, state, reset, closing: closing.signal });
  });
  await listen({ server, port, host });
  const { port: boundPort } = server.address() as AddressInfo;

  return {
    url: `http://${hostForUrl(host)}:${boundPort}`,
    requests: state.requests,
    enqueue: (scenario) => state.queue.add(scenario),
    reset,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      closing.abort();
      server.closeAllConnections();
      await closed;
    },
  };
}

function listen(options: { server: Server; port: number; host: string }): Promise<void> {
  const { server, port, host } = options;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** A wildcard address is not somewhere a client can connect to; loopback is. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
