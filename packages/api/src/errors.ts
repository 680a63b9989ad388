import { DomainError, type DomainErrorCode } from '@analyst/core';
import { TRPCError } from '@trpc/server';

type TRPCCode = TRPCError['code'];

/** The one table from domain refusals to transport codes. It must name every domain code. */
export const domainToTRPC: Record<DomainErrorCode, TRPCCode> = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_INPUT: 'BAD_REQUEST',
  BUDGET_EXHAUSTED: 'TOO_MANY_REQUESTS',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHORIZED',
  UPSTREAM_FAILED: 'BAD_GATEWAY',
};

/** Keeps the domain error as the cause, so logs see it and clients see only its safe message. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError) {
    return new TRPCError({ code: domainToTRPC[error.code], message: error.message, cause: error });
  }
  return error;
}
