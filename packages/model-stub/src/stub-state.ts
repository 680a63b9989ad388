import type { IncomingHttpHeaders } from 'node:http';

import type { MessagesRequest } from './messages-request';
import type { ScenarioQueue } from './scenario-queue';

/** A valid request the stub answered, kept for assertions. */
export interface RecordedRequest {
  path: '/v1/messages' | '/v1/messages/count_tokens';
  headers: IncomingHttpHeaders;
  body: MessagesRequest;
}

/** The mutable state of one running stub, shared by its routes. */
export interface StubState {
  queue: ScenarioQueue;
  requests: RecordedRequest[];
  deltaDelayMs: number;
}
