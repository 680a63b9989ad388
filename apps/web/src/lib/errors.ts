import { TRPCClientError } from '@trpc/client';

/** The tRPC error code of a failed call, or undefined when the server was not reached. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return undefined;
  return typeof data.code === 'string' ? data.code : undefined;
}

const MESSAGES: Record<string, string> = {
  UNAUTHORIZED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'This no longer exists. It may have been deleted.',
  BAD_REQUEST: 'That was not accepted. Check what you entered and try again.',
  TOO_MANY_REQUESTS: 'Your monthly budget is used up.',
  CONFLICT: 'This is still being worked on. Try again in a moment.',
  BAD_GATEWAY: 'The model could not be reached. Try again in a moment.',
  GATEWAY_TIMEOUT: 'The model took too long to answer. Try again in a moment.',
  PAYLOAD_TOO_LARGE: 'That is too long to send.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
};

/** A sentence a person can act on, chosen by the error's code; never a stack or raw text. */
export function friendlyError(error: unknown): string {
  const code = errorCode(error);
  if (code === undefined) return 'Cannot reach Analyst. Check your connection and try again.';
  return MESSAGES[code] ?? 'Something went wrong. Try again in a moment.';
}
