import { useQueryClient } from '@tanstack/react-query';

import { navigate, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { useSingleFlightMutation } from '../lib/use-single-flight-mutation';

/** Creates a thread in the project and opens it; `run` creates one however often it is clicked. */
export function useCreateThread(projectId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSingleFlightMutation(
    trpc.threads.create.mutationOptions({
      onSuccess: (thread) => {
        queryClient.setQueryData(trpc.threads.list.queryKey({ projectId }), (threads) =>
          threads ? [thread, ...threads] : threads,
        );
        void queryClient.invalidateQueries(trpc.threads.list.queryFilter({ projectId }));
        navigate(paths.thread(projectId, thread.id));
      },
    }),
  );
}
