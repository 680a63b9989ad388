import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export function sendJson(options: {
  res: ServerResponse;
  status: number;
  body: unknown;
  headers?: OutgoingHttpHeaders;
  requestId: string;
}): void {
  const { res, status, body, headers, requestId } = options;

  res.writeHead(status, {
    'content-type': 'application/json',
    'request-id': requestId,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** The wording the API uses for the errors tests inject most, so logs look like the real thing. */
export const errorMessages: Partial<Record<string, string>> = {
  overloaded_error: 'Overloaded',
  api_error: 'Internal server error',
  rate_limit_error: 'Rate limited',
  invalid_request_error: 'Invalid request',
  authentication_error: 'invalid x-api-key',
};

/** An error in the API's own shape, which the SDK turns into its typed APIError subclasses. */
export function sendApiError(options: {
  res: ServerResponse;
  status: number;
  errorType: string;
  message: string;
  headers?: OutgoingHttpHeaders;
  requestId: string;
}): void {
  const { res, status, errorType, message, headers, requestId } = options;

  sendJson({
    res,
    status,
    headers,
    requestId,
    body: { type: 'error', error: { type: errorType, message }, request_id: requestId },
  });
}

export function sseHeaders(requestId: string): OutgoingHttpHeaders {
  return {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'request-id': requestId,
  };
}
