import type { CoreDeps } from '../deps.ts';
import { invalidInput, notFound } from '../errors/domain-error.ts';

type Deps = Pick<CoreDeps, 'db'>;

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200) {
    throw invalidInput('A project name has 1 to 200 characters.');
  }
  return trimmed;
}

export async function listProjects(options: { deps: Deps; userId: string }) {
  return options.deps.db.project.findMany({
    where: { userId: options.userId },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
  });
}

/** Loads a project only if the caller owns it; another user's project does not exist for them. */
export async function getOwnedProject(options: { deps: Deps; userId: string; projectId: string }) {
  const project = await options.deps.db.project.findFirst({
    where: { id: options.projectId, userId: options.userId },
  });
  if (!project) throw notFound('Project');
  return project;
}

export async function createProject(options: {
  deps: Deps;
  userId: string;
  name: string;
  description?: string | undefined;
}) {
  const name = cleanName(options.name);

  return options.deps.db.project.create({
    data: { userId: options.userId, name, description: options.description?.trim() ?? '' },
  });
}

export async function updateProject(options: {
  deps: Deps;
  userId: string;
  projectId: string;
  name?: string | undefined;
  description?: string | undefined;
}) {
  const name = options.name === undefined ? undefined : cleanName(options.name);
  await getOwnedProject(options);

  return options.deps.db.project.update({
    where: { id: options.projectId },
    data: {
      ...(name === undefined ? {} : { name }),
      ...(options.description === undefined ? {} : { description: options.description.trim() }),
    },
  });
}

/**
 * Deletes the project with its threads and messages. Ledger rows stay: what was charged is never
 * lost, and their thread reference is cleared.
 */
export async function deleteProject(options: { deps: Deps; userId: string; projectId: string }) {
  await getOwnedProject(options);

  await options.deps.db.project.delete({ where: { id: options.projectId } });
  return { id: options.projectId };
}
