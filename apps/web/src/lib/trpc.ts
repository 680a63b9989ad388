import type { AppRouter } from '@analyst/api';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Project = RouterOutputs['projects']['list'][number];
export type ThreadSummary = RouterOutputs['threads']['list'][number];
export type ThreadDetail = RouterOutputs['threads']['get'];
export type StoredMessage = ThreadDetail['messages'][number];
export type Budget = RouterOutputs['checkBudget'];
export type MonthlyUsage = RouterOutputs['getMonthlyUsage'];
export type UsageRow = RouterOutputs['usage']['list']['rows'][number];

/**
 * Plain JSON both ways (the server has no transformer). Subscriptions ride the browser's
 * EventSource on the same origin, so the session cookie goes with them.
 */
export function createClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc' }),
        false: httpBatchLink({ url: '/trpc' }),
      }),
    ],
  });
}

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
