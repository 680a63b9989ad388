import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

import type { ApiContext } from './context.ts';
import { toTRPCError } from './errors.ts';

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const data = { ...shape.data, stack: undefined };
    // Internal failures reach the client as a plain message; the detail stays in the logs.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return { ...shape, message: 'Something went wrong on our side.', data };
    }
    // Bad input names each field and what is wrong with it, so forms can say it in place.
    if (error.cause instanceof ZodError) {
      const issues = error.cause.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
      }));
      const message = issues.map((issue) => issue.message).join(' ');
      return { ...shape, message, data: { ...data, issues } };
    }
    return { ...shape, data };
  },
  sse: {
    // Keeps idle streams alive through proxies while a slow reply is being written.
    ping: { enabled: true, intervalMs: 15_000 },
  },
});

export const router = t.router;

const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped !== result.error.cause) throw mapped;
  }
  return result;
});

const logErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const started = Date.now();
  const result = await next();
  const ms = Date.now() - started;
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    ctx.logger.error(
      { err: result.error.cause ?? result.error, path, type, ms },
      'procedure failed',
    );
  } else {
    ctx.logger.debug({ path, type, ms, ok: result.ok }, 'procedure');
  }
  return result;
});

export const publicProcedure = t.procedure.use(logErrors).use(mapDomainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
