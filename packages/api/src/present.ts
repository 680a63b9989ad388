import { formatCost, toDecimal, type BudgetStatus, type MonthlyUsage } from '@analyst/core';
import type { Message, Project, Thread, TokenUsage } from '@analyst/core';

// Plain JSON crosses the wire: dates as ISO strings, money as decimal strings.

export function presentProject(project: Project) {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
}

export function presentThread(thread: Thread) {
  return {
    id: thread.id,
    projectId: thread.projectId,
    title: thread.title,
    titleSource: thread.titleSource as 'default' | 'generated' | 'user',
    messageCount: thread.messageCount,
    lastMessageAt: thread.lastMessageAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
  };
}

type LabelledUsage = TokenUsage & {
  thread?: { title: string; project: { id: string; name: string } } | null;
};

export function presentUsageRow(row: LabelledUsage) {
  return {
    id: row.id,
    threadId: row.threadId,
    /** Null when the thread was deleted (its cost stays in the ledger). */
    threadTitle: row.thread?.title ?? null,
    projectId: row.thread?.project.id ?? null,
    projectName: row.thread?.project.name ?? null,
    kind: row.kind as 'chat' | 'title',
    model: row.model,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheCreationInputTokens: row.cacheCreationInputTokens,
    cacheCreation5mInputTokens: row.cacheCreation5mInputTokens,
    cacheCreation1hInputTokens: row.cacheCreation1hInputTokens,
    cacheReadInputTokens: row.cacheReadInputTokens,
    cost: formatCost(toDecimal(row.cost)),
    priceEntry: row.priceEntry,
    outcome: row.outcome,
    endpoint: row.endpoint,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMessage(message: Message & { usage?: TokenUsage | undefined }) {
  return {
    id: message.id,
    role: message.role as 'user' | 'assistant',
    content: message.content,
    status: message.status as 'complete' | 'partial' | 'failed',
    /** Why the reply ended early: the chat stream's error code, or null. */
    endReason: message.endReason,
    model: message.model,
    createdAt: message.createdAt.toISOString(),
    usage: message.usage ? presentUsageRow(message.usage) : null,
  };
}

export function presentBudget(budget: BudgetStatus) {
  return {
    allowed: budget.allowed,
    spent: formatCost(budget.spent),
    reserved: formatCost(budget.reserved),
    limit: formatCost(budget.limit),
    remaining: formatCost(budget.remaining),
    resetsAt: budget.resetsAt.toISOString(),
  };
}

export function presentMonthlyUsage(usage: MonthlyUsage) {
  const group = <T extends { cost: MonthlyUsage['totalCost'] }>(row: T) => ({
    ...row,
    cost: formatCost(row.cost),
  });
  return {
    month: usage.month,
    monthStart: usage.monthStart.toISOString(),
    totalCost: formatCost(usage.totalCost),
    totalRequests: usage.totalRequests,
    totalInputTokens: usage.totalInputTokens,
    totalOutputTokens: usage.totalOutputTokens,
    totalCacheCreationInputTokens: usage.totalCacheCreationInputTokens,
    totalCacheReadInputTokens: usage.totalCacheReadInputTokens,
    budget: presentBudget(usage.budget),
    byModel: usage.byModel.map(group),
    byKind: usage.byKind.map(group),
    byDay: usage.byDay.map(group),
  };
}
