import { listMonthUsage, listUsage } from '@analyst/core';
import { z } from 'zod';

import { toUsageCsv } from '../usage-csv.ts';
import { id, month } from '../inputs.ts';
import { presentUsageRow } from '../present.ts';
import { protectedProcedure, router } from '../trpc.ts';

export const usage = router({
  list: protectedProcedure
    .input(
      z
        .object({
          month,
          cursor: id.nullish(),
          limit: z.number().int().min(1).max(500).optional(),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) => {
      const page = await listUsage({
        deps: ctx.deps,
        userId: ctx.user.id,
        ...input,
        cursor: input?.cursor ?? undefined,
      });
      return {
        month: page.month,
        rows: page.rows.map(presentUsageRow),
        nextCursor: page.nextCursor,
      };
    }),

  exportCsv: protectedProcedure
    .input(z.object({ month }).optional())
    .query(async ({ ctx, input }) => {
      const { month: key, rows } = await listMonthUsage({
        deps: ctx.deps,
        userId: ctx.user.id,
        month: input?.month,
      });
      return {
        month: key,
        filename: `analyst-usage-${key}.csv`,
        csv: toUsageCsv(rows, { withEmail: false }),
      };
    }),
});
