import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';

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
  // The session ended without this tab signing out (another tab did, or it expired).
  const [sessionEnded, setSessionEnded] = useState(false);

  const onSignedOut = useCallback(() => {
    setSessionEnded(true);
    void queryClient.invalidateQueries(trpc.info.queryFilter());
  }, [queryClient, trpc]);

  // Any call refused with UNAUTHORIZED means the session is gone: asking `info` again then shows
  // the sign-in screen. The address is left alone, so signing in returns to the same page.
  useEffect(() => {
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (errorCode(event.action.error) === 'UNAUTHORIZED') onSignedOut();
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      if (errorCode(event.action.error) === 'UNAUTHORIZED') onSignedOut();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, onSignedOut]);

  const user = info.data?.user ?? null;
  // Signing in (again) puts the notice away.
  const [seenUserId, setSeenUserId] = useState(user?.id);
  if (seenUserId !== user?.id) {
    setSeenUserId(user?.id);
    if (user) setSessionEnded(false);
  }

  if (info.isPending) return <Loading label="Loading Analyst…" className="page-loading" />;
  if (info.isError) {
    return (
      <div className="page-loading">
        <ErrorState error={info.error} onRetry={() => void info.refetch()} />
      </div>
    );
  }

  const { offlineModel, chatModel } = info.data;
  if (!user) return <AuthScreen offlineModel={offlineModel} sessionEnded={sessionEnded} />;
  return (
    <ChatStoreProvider key={user.id} onSignedOut={onSignedOut}>
      <Workspace user={user} offlineModel={offlineModel} chatModel={chatModel} />
    </ChatStoreProvider>
  );
}
