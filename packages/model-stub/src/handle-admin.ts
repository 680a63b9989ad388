import type { ServerResponse } from 'node:http';

import { sendApiError, sendJson } from './http-replies';
import { parseScenarios } from './parse-scenarios';
import type { StubState } from './stub-state';

/**
 * The /_stub/* routes, which let another process (a server under test, a browser test) steer
 * the stub the way enqueue() and reset() steer it in-process.
 */
export function handleAdmin(options: {
  res: ServerResponse;
  method: string;
  path: string;
  body: unknown;
  state: StubState;
  reset: () => void;
  requestId: string;
}): void {
  const { res, method, path, body, state, reset, requestId } = options;
  const refuse = (message: string) =>
    sendApiError({ res, requestId, status: 400, errorType: 'invalid_request_error', message });

  const route = `${method} ${path}`;
  switch (route) {
    case 'POST /_stub/scenarios': {
      const parsed = parseScenarios(body);
      if (!parsed.ok) {
        refuse(parsed.message);
        return;
      }
      parsed.scenarios.forEach((scenario) => state.queue.add(scenario));
      sendJson({ res, requestId, status: 200, body: { queued: state.queue.size } });
      return;
    }
    case 'POST /_stub/reset':
      reset();
      sendJson({ res, requestId, status: 200, body: { queued: 0 } });
      return;
    case 'POST /_stub/config': {
      const delay = (body as { deltaDelayMs?: unknown } | null)?.deltaDelayMs;
      if (typeof delay !== 'number' || !Number.isFinite(delay) || delay < 0) {
        refuse('deltaDelayMs must be a non-negative number');
        return;
      }
      state.deltaDelayMs = delay;
      sendJson({ res, requestId, status: 200, body: { deltaDelayMs: delay } });
      return;
    }
    case 'GET /_stub/requests':
      sendJson({ res, requestId, status: 200, body: { requests: state.requests } });
      return;
    default:
      sendApiError({
        res,
        requestId,
        status: 404,
        errorType: 'not_found_error',
        message: `No stub route for ${route}`,
      });
  }
}
