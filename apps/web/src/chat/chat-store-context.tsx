import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';

import { useTRPC, useTRPCClient } from '../lib/trpc';
import { ChatStore, type ThreadChat } from './chat-store';

const ChatStoreContext = createContext<ChatStore | null>(null);

/**
 * One store per signed-in person; it wires chat events to the query cache. `onSignedOut` is
 * kept from the first render, so pass a stable function.
 */
export function ChatStoreProvider(props: { children: ReactNode; onSignedOut: () => void }) {
  const { children, onSignedOut } = props;
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [store] = useState(
    () =>
      new ChatStore(client, {
        onTitle({ projectId, threadId, title }) {
          queryClient.setQueryData(trpc.threads.list.queryKey({ projectId }), (threads) =>
            threads?.map((thread) =>
              thread.id === threadId
                ? { ...thread, title, titleSource: 'generated' as const }
                : thread,
            ),
          );
          queryClient.setQueryData(trpc.threads.get.queryKey({ threadId }), (thread) =>
            thread ? { ...thread, title, titleSource: 'generated' as const } : thread,
          );
        },
        onSettled({ projectId, threadId }) {
          void queryClient.invalidateQueries(trpc.checkBudget.queryFilter());
          void queryClient.invalidateQueries(trpc.threads.list.queryFilter({ projectId }));
          void queryClient.invalidateQueries(trpc.threads.get.queryFilter({ threadId }));
          void queryClient.invalidateQueries(trpc.projects.list.queryFilter());
          void queryClient.invalidateQueries(trpc.getMonthlyUsage.pathFilter());
          void queryClient.invalidateQueries(trpc.usage.pathFilter());
        },
        onSignedOut,
      }),
  );
  useEffect(() => () => store.dispose(), [store]);

  return <ChatStoreContext value={store}>{children}</ChatStoreContext>;
}

export function useChatStore(): ChatStore {
  const store = useContext(ChatStoreContext);
  if (!store) throw new Error('useChatStore needs a ChatStoreProvider');
  return store;
}

export function useThreadChat(threadId: string): ThreadChat {
  const store = useChatStore();
  return useSyncExternalStore(store.subscribe, () => store.chatOf(threadId));
}
