import { createProject, deleteProject, listProjects, updateProject } from '@analyst/core';
import { z } from 'zod';

import { id, text, withIdAlias } from '../inputs.ts';
import { presentProject } from '../present.ts';
import { protectedProcedure, router } from '../trpc.ts';

const name = text().trim().min(1, 'A project needs a name.').max(200);
const description = text().max(5000);

export const projects = router({
  list: protectedProcedure.query(async ({ ctx }) => {
    const rows = await listProjects({ deps: ctx.deps, userId: ctx.user.id });
    return rows.map(presentProject);
  }),

  create: protectedProcedure
    .input(z.object({ name, description: description.optional() }))
    .mutation(async ({ ctx, input }) => {
      const project = await createProject({ deps: ctx.deps, userId: ctx.user.id, ...input });
      return presentProject(project);
    }),

  update: protectedProcedure
    .input(
      withIdAlias(
        'projectId',
        z.object({ projectId: id, name: name.optional(), description: description.nullish() }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      // A null description clears it.
      const description = input.description === null ? '' : input.description;
      const project = await updateProject({
        deps: ctx.deps,
        userId: ctx.user.id,
        ...input,
        description,
      });
      return presentProject(project);
    }),

  delete: protectedProcedure
    .input(withIdAlias('projectId', z.object({ projectId: id })))
    .mutation(({ ctx, input }) => deleteProject({ deps: ctx.deps, userId: ctx.user.id, ...input })),
});
