import { checkUserBudget, getMonthlyUsage } from '@analyst/core';
import { z } from 'zod';

import { month } from './inputs.ts';
import { presentBudget, presentMonthlyUsage } from './present.ts';
import { chat, stopChat } from './routers/chat.ts';
import { projects } from './routers/projects.ts';
import { threads } from './routers/threads.ts';
import { usage } from './routers/usage.ts';
import { protectedProcedure, publicProcedure, router } from './trpc.ts';

export const appRouter = router({
  chat,
  stopChat,
  projects,
  threads,
  usage,

  getMonthlyUsage: protectedProcedure
    .input(z.object({ month }).optional())
    .query(async ({ ctx, input }) => {
      const result = await getMonthlyUsage({
        deps: ctx.deps,
        userId: ctx.user.id,
        month: input?.month,
      });
      return presentMonthlyUsage(result);
    }),

  checkBudget: protectedProcedure.query(async ({ ctx }) => {
    const budget = await checkUserBudget({ deps: ctx.deps, userId: ctx.user.id });
    return presentBudget(budget);
  }),

  /** What the web app needs before sign-in: whether replies come from the offline stand-in. */
  info: publicProcedure.query(({ ctx }) => ({
    offlineModel: ctx.offlineModel,
    chatModel: ctx.deps.settings.chatModel,
    user: ctx.user,
  })),
});

export type AppRouter = typeof appRouter;
