import type Decimal from 'decimal.js';
import type { PrismaClient } from '@analyst/db';
import type { Logger } from 'pino';

import type { Clock } from './clock.ts';
import type { ChatModel } from './model/model-port.ts';
import type { PriceTable } from './pricing/index.ts';

export interface CoreSettings {
  chatModel: string;
  titleModel: string;
  /** The limit for users who have none of their own. */
  defaultMonthlyBudgetUsd: Decimal;
  /** A new title is generated each time the thread's message count crosses a multiple of this. */
  titleInterval: number;
  /** The most output a chat reply may use; also the worst case reserved before the call. */
  maxOutputTokens: number;
  /** A reservation left by a process that died stops counting after this long. */
  reservationTtlMs: number;
  /** An upstream stream that sends nothing for this long is abandoned and billed as partial. */
  upstreamIdleTimeoutMs: number;
}

/** Everything a service may need, passed as one object; nothing in core is a module singleton. */
export interface CoreDeps {
  db: PrismaClient;
  prices: PriceTable;
  settings: CoreSettings;
  clock: Clock;
  logger: Logger;
}

export interface ChatDeps extends CoreDeps {
  model: ChatModel;
}
