import { useMutation, useQueryClient } from '@tanstack/react-query';

import { navigate, paths } from '../lib/router';
import { useTRPC } from '../lib/trpc';

export function useCreateProject(onCreated?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: (project) => {
        queryClient.setQueryData(trpc.projects.list.queryKey(), (projects) =>
          projects ? [project, ...projects] : projects,
        );
        void queryClient.invalidateQueries(trpc.projects.list.queryFilter());
        onCreated?.();
        navigate(paths.project(project.id));
      },
    }),
  );
}
