import { useQueryClient } from '@tanstack/react-query';

import { navigate, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';
import { useSingleFlightMutation } from '../lib/use-single-flight-mutation';

/**
 * Creates a project and opens it, asking its page to focus its first action; `run` creates one
 * however often it is clicked.
 */
export function useCreateProject(onCreated?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useSingleFlightMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: (project) => {
        queryClient.setQueryData(trpc.projects.list.queryKey(), (projects) =>
          projects ? [project, ...projects] : projects,
        );
        void queryClient.invalidateQueries(trpc.projects.list.queryFilter());
        onCreated?.();
        navigate(paths.project(project.id), { focus: 'first-action' });
      },
    }),
  );
}
