import type { IncomingHttpHeaders, OutgoingHttpHeaders, ServerResponse } from 'node:http';

import { composeReply } from './compose-reply';
import { errorMessages, sendApiError, sendJson } from './http-replies';
import { parseMessagesRequest } from './messages-request';
import { planReply } from './reply-plan';
import { inputTokens, lastUserText } from './request-text';
import type { HttpErrorScenario } from './scenario';
import type { StubState } from './stub-state';
import { midStreamErrorStatus, streamReply } from './stream-reply';
import { messageBody } from './wire-format';
import { aborted, splitFrames, writeFrames } from './write-frames';

interface RouteOptions {
  res: ServerResponse;
  headers: IncomingHttpHeaders;
  body: unknown;
  state: StubState;
  requestId: string;
  signal: AbortSignal;
}

/** POST /v1/messages: the next matching scenario decides how, the request decides what. */
export async function handleMessages(options: RouteOptions): Promise<void> {
  const { res, headers, body, state, requestId, signal } = options;

  const parsed = parseMessagesRequest({ body, requireMaxTokens: true });
  if (!parsed.ok) {
    const { message } = parsed;
    sendApiError({ res, requestId, status: 400, errorType: 'invalid_request_error', message });
    return;
  }
  const { request } = parsed;
  state.requests.push({ path: '/v1/messages', headers, body: request });
  const scenario = state.queue.take({ lastUserText: lastUserText(request) });

  if (scenario?.kind === 'http-error') {
    sendHttpError({ res, requestId, scenario });
    return;
  }
  if (scenario?.kind === 'raw') {
    // Sent as is even to a non-streaming request: a transcript is only meaningful streamed.
    const frames = splitFrames(scenario.body);
    await writeFrames({
      res,
      requestId,
      frames,
      finish: 'end',
      delayMs: state.deltaDelayMs,
      signal,
    });
    return;
  }

  const reply = scenario?.kind === 'reply' ? scenario : undefined;
  const plan = planReply({
    request,
    text: reply?.text ?? composeReply(request),
    usage: reply?.usage,
  });
  if (request.stream === true) {
    const delayMs = reply?.deltaDelayMs ?? state.deltaDelayMs;
    await streamReply({ res, requestId, plan, scenario, delayMs, signal });
    return;
  }

  // Without a stream there is no middle to fail in, so each fault shows as a whole response.
  switch (scenario?.kind) {
    case 'error-mid-stream': {
      const errorType = scenario.errorType ?? 'overloaded_error';
      const status = midStreamErrorStatus[errorType];
      const message = errorMessages[errorType] ?? errorType;
      sendApiError({ res, requestId, status, errorType, message });
      return;
    }
    case 'cut':
      res.destroy();
      return;
    case 'hang':
      await aborted(signal);
      res.destroy();
      return;
    default:
      sendJson({ res, requestId, status: 200, body: messageBody(plan) });
  }
}

function sendHttpError(options: {
  res: ServerResponse;
  requestId: string;
  scenario: HttpErrorScenario;
}): void {
  const { res, requestId, scenario } = options;

  const headers: OutgoingHttpHeaders = {};
  if (scenario.shouldRetry !== undefined) headers['x-should-retry'] = `${scenario.shouldRetry}`;
  if (scenario.retryAfterMs !== undefined) headers['retry-after-ms'] = `${scenario.retryAfterMs}`;

  sendApiError({
    res,
    requestId,
    headers,
    status: scenario.status,
    errorType: scenario.errorType,
    message: scenario.message ?? errorMessages[scenario.errorType] ?? scenario.errorType,
  });
}

/** POST /v1/messages/count_tokens: the same count a reply would report as input_tokens. */
export function handleCountTokens(options: Omit<RouteOptions, 'signal'>): void {
  const { res, headers, body, state, requestId } = options;

  const parsed = parseMessagesRequest({ body, requireMaxTokens: false });
  if (!parsed.ok) {
    const { message } = parsed;
    sendApiError({ res, requestId, status: 400, errorType: 'invalid_request_error', message });
    return;
  }
  state.requests.push({ path: '/v1/messages/count_tokens', headers, body: parsed.request });

  sendJson({ res, requestId, status: 200, body: { input_tokens: inputTokens(parsed.request) } });
}
