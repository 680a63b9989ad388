/**
 * The closed set of ways a domain operation can refuse. packages/api maps each to a transport
 * code in one table; callers branch on `code`, never on message text.
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'BUDGET_EXHAUSTED'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'UPSTREAM_FAILED';

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    /** Safe to show to the person who made the request. */
    message: string,
    options?: { cause?: unknown; details?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
  }

  readonly details: Record<string, string> | undefined;
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found.`);
}

export function invalidInput(message: string): DomainError {
  return new DomainError('INVALID_INPUT', message);
}
