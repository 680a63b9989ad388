import type { ChatDeps, TurnHub } from '@analyst/core';
import type { Logger } from 'pino';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** ISO instant the account was made, so the app offers only months it can have usage in. */
  createdAt: string;
}

export interface ApiContext {
  deps: ChatDeps;
  hub: TurnHub;
  /** Null when the request carries no valid session or token. */
  user: SessionUser | null;
  /** A child logger for this request (request id, user id, path). */
  logger: Logger;
  /** True when replies come from the offline stand-in model rather than Claude. */
  offlineModel: boolean;
}
