import { loadPriceTable, trackTokenUsage, type Usage } from '@analyst/core';
import type { Database } from '@analyst/db';

export async function createUser(database: Database, id: string, email: string): Promise<void> {
  await database.prisma.user.create({ data: { id, name: id, email } });
}

/** Records one model call through core's own ledger service, as the server would. */
export async function recordCall(
  database: Database,
  call: { userId: string; model: string; usage: Partial<Usage>; at: Date },
): Promise<string> {
  const tracked = await trackTokenUsage({
    deps: { db: database.prisma, prices: loadPriceTable(), clock: { now: () => call.at } },
    record: {
      userId: call.userId,
      threadId: null,
      messageId: null,
      kind: 'chat',
      model: call.model,
      usage: {
        inputTokens: 0,
        outputTokens: 0,
        cacheCreationInputTokens: 0,
        cacheReadInputTokens: 0,
        ...call.usage,
      },
      endpoint: '/threads/cli-test/chat',
      outcome: 'complete',
    },
  });
  return tracked.cost.toFixed();
}
