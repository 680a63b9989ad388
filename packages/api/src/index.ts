export { appRouter, type AppRouter } from './router.ts';
export type { ApiContext, SessionUser } from './context.ts';
export { domainToTRPC, toTRPCError } from './errors.ts';
export { toUsageCsv } from './usage-csv.ts';
