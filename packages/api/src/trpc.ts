import { initTRPC, TRPCError } from '@trpc/server';

import type { ApiContext } from './context.ts';
import { toTRPCError } from './errors.ts';

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    // Internal failures reach the client as a plain message; the detail stays in the logs.
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return {
        ...shape,
        message: 'Something went wrong on our side.',
        data: { ...shape.data, stack: undefined },
      };
    }
    return { ...shape, data: { ...shape.data, stack: undefined } };
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
