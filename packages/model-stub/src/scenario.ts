/**
 * What the next POST /v1/messages should do instead of (or on top of) a normal reply.
 * Scenarios queue up first in, first out; each is used by exactly one request.
 */
export type Scenario =
  | ReplyScenario
  | ErrorMidStreamScenario
  | CutScenario
  | HangScenario
  | HttpErrorScenario
  | RawScenario;

interface Targeted {
  /**
   * When set, only a request whose last user message contains this text takes the scenario;
   * others pass it by. This keeps concurrent tests (and the app's own title request, sent
   * beside the reply) from using up a scenario meant for someone else.
   */
  match?: string;
}

/** Usage fields given here replace the computed ones; cache_creation is sent only when given. */
export interface UsageOverride {
  input_tokens?: number;
  output_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

export interface ReplyScenario extends Targeted {
  kind: 'reply';
  text?: string;
  usage?: UsageOverride;
  deltaDelayMs?: number;
}

/** HTTP 200, then `afterDeltas` text deltas, then an `error` event, as the API does at 529. */
export interface ErrorMidStreamScenario extends Targeted {
  kind: 'error-mid-stream';
  afterDeltas: number;
  errorType?: 'overloaded_error' | 'api_error';
}

/** `afterDeltas` text deltas, then the socket is destroyed with no closing events. */
export interface CutScenario extends Targeted {
  kind: 'cut';
  afterDeltas: number;
}

/** `afterDeltas` text deltas, then silence until the client leaves or the stub closes. */
export interface HangScenario extends Targeted {
  kind: 'hang';
  afterDeltas: number;
}

/**
 * An error status before any streaming, e.g. 529 overloaded_error or 500 api_error. The SDK
 * retries 408, 409, 429 and 5xx (twice by default, with backoff), and each retry is a new
 * request that takes the next scenario; queue the error several times, pass `shouldRetry:
 * false`, or build the client with `maxRetries: 0` when the error itself is what you test.
 */
export interface HttpErrorScenario extends Targeted {
  kind: 'http-error';
  status: number;
  errorType: string;
  message?: string;
  /** Sent as `x-should-retry`, which the SDK obeys over its own rule. */
  shouldRetry?: boolean;
  /** Sent as `retry-after-ms`, so a retrying client waits this long instead of backing off. */
  retryAfterMs?: number;
}

/** This exact SSE body, e.g. a fixture transcript from readFixture(). */
export interface RawScenario extends Targeted {
  kind: 'raw';
  body: string;
}
