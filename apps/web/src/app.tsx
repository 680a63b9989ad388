import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { AuthScreen } from './auth/auth-screen';
import { ChatStoreProvider } from './chat/chat-store-context';
import { errorCode } from './lib/errors';
import { useTRPC } from './lib/trpc';
import { Workspace } from './shell/workspace';
import { ErrorState, Loading } from './ui/states';

/** Who is signed in decides the screen; `info` answers that, and whether the model is offline. */
export function App() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const info = useQuery(trpc.info.queryOptions(undefined, { staleTime: 60_000 }));

  // A session that ends while the app is open (expired, signed out elsewhere) sends any query
  // to UNAUTHORIZED; asking `info` again then shows the sign-in screen.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        if (errorCode(event.action.error) === 'UNAUTHORIZED') {
          void queryClient.invalidateQueries(trpc.info.queryFilter());
        }
      }),
    [queryClient, trpc],
  );

  if (info.isPending) return <Loading label="Loading Analyst…" className="page-loading" />;
  if (info.isError) {
    return (
      <div className="page-loading">
        <ErrorState error={info.error} onRetry={() => void info.refetch()} />
      </div>
    );
  }

  const { user, offlineModel, chatModel } = info.data;
  if (!user) return <AuthScreen offlineModel={offlineModel} />;
  return (
    <ChatStoreProvider key={user.id}>
      <Workspace user={user} offlineModel={offlineModel} chatModel={chatModel} />
    </ChatStoreProvider>
  );
}
