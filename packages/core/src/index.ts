export * from './pricing/index.ts';
export { DomainError, type DomainErrorCode } from './errors/domain-error.ts';
export { monthOf, parseMonth, resolveMonth, type UtcMonth } from './months/utc-month.ts';
export { systemClock, type Clock } from './clock.ts';
export type { ChatDeps, CoreDeps, CoreSettings } from './deps.ts';
export { toDecimal } from './money.ts';

export { checkUserBudget, type BudgetStatus } from './budget/check-user-budget.ts';
export { reserveBudget, releaseReservation } from './budget/reserve-budget.ts';
export { setUserBudget } from './budget/set-user-budget.ts';

export { trackTokenUsage, type UsageRecord } from './usage/track-token-usage.ts';
export { getMonthlyUsage, type MonthlyUsage } from './usage/get-monthly-usage.ts';
export { listUsage, listMonthUsage, listMonthDailyUsage } from './usage/list-usage.ts';
export { estimateTokens } from './usage/estimate-tokens.ts';

export * from './conversations/projects.ts';
export * from './conversations/threads.ts';

export { cleanTitle } from './titles/clean-title.ts';
export { generateThreadTitle } from './titles/generate-thread-title.ts';
export { isTitleDue, maybeUpdateTitle } from './titles/maybe-update-title.ts';

export * from './model/model-port.ts';
export { createAnthropicModel, type AnthropicModelOptions } from './model/anthropic-model.ts';
export { buildSystemPrompt } from './model/system-prompt.ts';

export type { ChatEvent, ReplyUsage } from './chat/chat-events.ts';
export { startChatTurn, MAX_MESSAGE_LENGTH, type ChatTurnInput } from './chat/start-chat-turn.ts';
export { TurnHub } from './chat/turn-hub.ts';
export { stopChatTurn } from './chat/stop-chat-turn.ts';

export { createApiToken, resolveApiToken } from './tokens/api-tokens.ts';
export type { Message, Project, Thread, TokenUsage } from '@analyst/db';
