import { startChatTurn, stopChatTurn } from '@analyst/core';
import { z } from 'zod';
import { tracked } from '@trpc/server';

import { toTRPCError } from '../errors.ts';
import { chatInput, id } from '../inputs.ts';
import { protectedProcedure } from '../trpc.ts';

/**
 * One chat turn as a stream of tracked events. Refusals (budget, ownership, bad input) are thrown
 * before the first event; the reply runs on even if the client leaves, so it is saved and billed.
 */
export const chat = protectedProcedure.input(chatInput).subscription(async function* ({
  ctx,
  input,
  signal,
}) {
  try {
    const events = await startChatTurn({
      deps: ctx.deps,
      hub: ctx.hub,
      input: {
        userId: ctx.user.id,
        threadId: input.threadId,
        clientMessageId: input.clientMessageId,
        content: input.content,
        lastEventId: input.lastEventId,
        signal,
      },
    });
    for await (const { id, ...event } of events) {
      yield tracked(id, event);
    }
  } catch (error) {
    // Domain refusals keep their code whether they come before the first event or later.
    throw toTRPCError(error);
  }
});

/** Stop pressed: cancel the reply now. What arrived stays, marked partial, and is billed. */
export const stopChat = protectedProcedure
  .input(z.object({ threadId: id, clientMessageId: z.uuid('clientMessageId must be a UUID.') }))
  .mutation(({ ctx, input }) =>
    stopChatTurn({ deps: ctx.deps, hub: ctx.hub, userId: ctx.user.id, ...input }),
  );
