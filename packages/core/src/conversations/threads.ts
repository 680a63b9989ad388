import type { CoreDeps } from '../deps.ts';
import { invalidInput, notFound } from '../errors/domain-error.ts';
import { toDecimal } from '../money.ts';
import { getOwnedProject } from './projects.ts';

type Deps = Pick<CoreDeps, 'db'>;

export const DEFAULT_THREAD_TITLE = 'New thread';
export type TitleSource = 'default' | 'generated' | 'user';

function cleanTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length === 0 || trimmed.length > 100) {
    throw invalidInput('A thread title has 1 to 100 characters.');
  }
  return trimmed;
}

export async function listThreads(options: { deps: Deps; userId: string; projectId: string }) {
  await getOwnedProject(options);

  return options.deps.db.thread.findMany({
    where: { projectId: options.projectId, userId: options.userId },
    orderBy: [{ lastMessageAt: 'desc' }, { createdAt: 'desc' }],
  });
}

export async function getOwnedThread(options: { deps: Deps; userId: string; threadId: string }) {
  const thread = await options.deps.db.thread.findFirst({
    where: { id: options.threadId, userId: options.userId },
    include: { project: true },
  });
  if (!thread) throw notFound('Thread');
  return thread;
}

/**
 * A title given at creation was chosen by a person, so it is kept like a renamed one; without
 * one the thread starts as "New thread" and the model titles it as it grows.
 */
export async function createThread(options: {
  deps: Deps;
  userId: string;
  projectId: string;
  title?: string | undefined;
}) {
  const title = options.title === undefined ? DEFAULT_THREAD_TITLE : cleanTitle(options.title);
  await getOwnedProject(options);

  return options.deps.db.thread.create({
    data: {
      projectId: options.projectId,
      userId: options.userId,
      title,
      titleSource: options.title === undefined ? 'default' : 'user',
    },
  });
}

export async function getThreadWithMessages(options: {
  deps: Deps;
  userId: string;
  threadId: string;
}) {
  const thread = await getOwnedThread(options);
  const messages = await options.deps.db.message.findMany({
    where: { threadId: thread.id },
    orderBy: [{ createdAt: 'asc' }, { role: 'desc' }],
  });
  const usages = await options.deps.db.tokenUsage.findMany({
    where: { threadId: thread.id, kind: 'chat', messageId: { not: null } },
  });
  const usageByMessage = new Map(usages.map((usage) => [usage.messageId, usage]));
  // Everything the thread cost, title calls included.
  const total = await options.deps.db.tokenUsage.aggregate({
    where: { threadId: thread.id },
    _sum: { cost: true },
  });
  return {
    ...thread,
    totalCost: toDecimal(total._sum.cost),
    messages: messages.map((message) => ({ ...message, usage: usageByMessage.get(message.id) })),
  };
}

export async function renameThread(options: {
  deps: Deps;
  userId: string;
  threadId: string;
  title: string;
}) {
  const title = cleanTitle(options.title);
  await getOwnedThread(options);

  return options.deps.db.thread.update({
    where: { id: options.threadId },
    data: { title, titleSource: 'user' },
  });
}

/** Deletes the thread and its messages; its ledger rows stay, with the thread reference cleared. */
export async function deleteThread(options: { deps: Deps; userId: string; threadId: string }) {
  await getOwnedThread(options);

  await options.deps.db.thread.delete({ where: { id: options.threadId } });
  return { id: options.threadId };
}
