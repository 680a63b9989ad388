import { getOwnedThread } from '../conversations/threads.ts';
import type { CoreDeps } from '../deps.ts';
import { TurnHub } from './turn-hub.ts';

/**
 * A person pressed Stop: the reply is cancelled at once (what arrived is kept and billed) rather
 * than after the grace a dropped connection gets. A turn running in another process is not
 * reached; it stops when that process sees its client gone.
 */
export async function stopChatTurn(options: {
  deps: Pick<CoreDeps, 'db'>;
  hub: TurnHub;
  userId: string;
  threadId: string;
  clientMessageId: string;
}): Promise<{ stopped: boolean }> {
  const thread = await getOwnedThread({
    deps: options.deps,
    userId: options.userId,
    threadId: options.threadId,
  });

  return { stopped: options.hub.stop(TurnHub.key(thread.id, options.clientMessageId)) };
}
