import {
  createThread,
  formatCost,
  deleteThread,
  getThreadWithMessages,
  listThreads,
  renameThread,
} from '@analyst/core';
import { z } from 'zod';

import { id, text, withIdAlias } from '../inputs.ts';
import { presentMessage, presentThread } from '../present.ts';
import { protectedProcedure, router } from '../trpc.ts';

const title = text().trim().min(1, 'A title cannot be empty.').max(100);

export const threads = router({
  list: protectedProcedure
    .input(withIdAlias('projectId', z.object({ projectId: id })))
    .query(async ({ ctx, input }) => {
      const rows = await listThreads({ deps: ctx.deps, userId: ctx.user.id, ...input });
      return rows.map(presentThread);
    }),

  create: protectedProcedure
    .input(withIdAlias('projectId', z.object({ projectId: id, title: title.optional() })))
    .mutation(async ({ ctx, input }) => {
      const thread = await createThread({ deps: ctx.deps, userId: ctx.user.id, ...input });
      return presentThread(thread);
    }),

  get: protectedProcedure
    .input(withIdAlias('threadId', z.object({ threadId: id })))
    .query(async ({ ctx, input }) => {
      const thread = await getThreadWithMessages({ deps: ctx.deps, userId: ctx.user.id, ...input });
      return {
        ...presentThread(thread),
        totalCost: formatCost(thread.totalCost),
        messages: thread.messages.map(presentMessage),
      };
    }),

  rename: protectedProcedure
    .input(withIdAlias('threadId', z.object({ threadId: id, title })))
    .mutation(async ({ ctx, input }) => {
      const thread = await renameThread({ deps: ctx.deps, userId: ctx.user.id, ...input });
      return presentThread(thread);
    }),

  delete: protectedProcedure
    .input(withIdAlias('threadId', z.object({ threadId: id })))
    .mutation(({ ctx, input }) => deleteThread({ deps: ctx.deps, userId: ctx.user.id, ...input })),
});
