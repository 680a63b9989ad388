/**
 * What a reply that did not finish says about itself, in one shape for every case:
 * "<Label> — <why>; <what became of it>." The why comes from an error code, never from message
 * text; a reply seen only after a reload has no code and reads as cut short.
 */

export const CUT_SHORT = 'the reply was cut short';

/** The chat stream's error event codes: the model call's failure kinds and the server's own. */
const STREAM_REASONS: Record<string, string> = {
  OVERLOADED: 'the model is overloaded right now',
  RATE_LIMITED: 'the model is rate limited right now',
  TIMEOUT: 'the model stopped answering',
  CONNECTION: 'the connection to the model was lost',
  INVALID_REQUEST: 'the model did not accept the request',
  INTERNAL: 'the reply could not be saved',
  // The model call was cancelled because the page that asked left (reload, closed tab, lost
  // connection), or a turn cut off that way was replayed to another page.
  ABORTED: CUT_SHORT,
  INTERRUPTED: CUT_SHORT,
};

/** tRPC codes that end a turn before its first event (the budget refusal is handled apart). */
const CALL_REASONS: Record<string, string> = {
  CONFLICT: 'this message is still being answered',
  PAYLOAD_TOO_LARGE: 'the message is too long',
  BAD_REQUEST: 'the message was not accepted',
  NOT_FOUND: 'this thread no longer exists',
  UNAUTHORIZED: 'you were signed out',
};

export function reasonForStreamCode(code: string): string {
  return STREAM_REASONS[code] ?? 'the model call failed';
}

/** `code` undefined: the server was not reached at all. */
export function reasonForCallCode(code: string | undefined): string {
  if (code === undefined) return 'Analyst could not be reached';
  return CALL_REASONS[code] ?? 'something went wrong on our side';
}

export interface ReplyProblem {
  label: string;
  detail: string;
  tone: 'neutral' | 'warn';
}

export function describeReplyProblem(state: string, reason: string | null): ReplyProblem | null {
  switch (state) {
    case 'stopped':
      return { label: 'Stopped', detail: 'what arrived is kept and billed.', tone: 'neutral' };
    case 'partial':
      return {
        label: 'Interrupted',
        detail: `${reason ?? CUT_SHORT}; what arrived is kept and billed.`,
        tone: 'warn',
      };
    case 'failed':
      return {
        label: 'Failed',
        detail: reason ? `${reason}; no text arrived.` : 'no text arrived.',
        tone: 'warn',
      };
    default:
      return null;
  }
}
