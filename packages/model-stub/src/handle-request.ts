import type { IncomingMessage, ServerResponse } from 'node:http';

import { handleAdmin } from './handle-admin';
import { handleCountTokens, handleMessages } from './handle-messages';
import { sendApiError } from './http-replies';
import { newId } from './new-id';
import { readJsonBody } from './read-json-body';
import type { StubState } from './stub-state';

/** Routes one HTTP request. `closing` fires when the stub shuts down, ending any open stream. */
export async function handleRequest(options: {
  req: IncomingMessage;
  res: ServerResponse;
  state: StubState;
  reset: () => void;
  closing: AbortSignal;
}): Promise<void> {
  const { req, res, state, reset, closing } = options;
  const requestId = newId('req');
  const clientGone = new AbortController();
  res.on('close', () => clientGone.abort());
  const signal = AbortSignal.any([closing, clientGone.signal]);
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://stub').pathname;

  try {
    const body = await readJsonBody(req);
    if (!body.ok) {
      const { message } = body;
      sendApiError({ res, requestId, status: 400, errorType: 'invalid_request_error', message });
      return;
    }

    const route = { res, headers: req.headers, body: body.value, state, requestId };
    if (path.startsWith('/_stub/')) {
      handleAdmin({ ...route, method, path, reset });
    } else if (method === 'POST' && path === '/v1/messages') {
      await handleMessages({ ...route, signal });
    } else if (method === 'POST' && path === '/v1/messages/count_tokens') {
      handleCountTokens(route);
    } else {
      const message = `${method} ${path} is not a route of this stub`;
      sendApiError({ res, requestId, status: 404, errorType: 'not_found_error', message });
    }
  } catch (error) {
    // A fault in the stub itself: answer the API's way, not with a hung or silent socket.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    sendApiError({ res, requestId, status: 500, errorType: 'api_error', message });
  }
}
